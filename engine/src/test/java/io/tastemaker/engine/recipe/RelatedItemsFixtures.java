package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.ItemAttributes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Planted-structure data for the related-items recipes' tests. */
final class RelatedItemsFixtures {

    /** Topics of the generated items: an item "<topic><k>" belongs to the topic spelled by its letters. */
    static final List<String> TOPICS = List.of("a", "b", "c");

    /** Words of each topic's texts (with shared filler words that analysis removes or that all topics use). */
    private static final Map<String, String[]> WORDS = Map.of(
            "a", new String[] {"rocket", "orbit", "astronaut", "galaxy", "planets", "launching"},
            "b", new String[] {"pasta", "recipe", "kitchen", "baking", "flavours", "cooked"},
            "c", new String[] {"football", "goal", "stadium", "league", "players", "scoring"});

    private RelatedItemsFixtures() {
    }

    /**
     * Users who stay within one topic: user "<topic>-<u>" interacts with 4 to 7 of the topic's
     * {@code itemsPerTopic} items, one event a minute.
     */
    static InteractionLog clusteredLog(int usersPerTopic, int itemsPerTopic, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InteractionLog.Builder builder = InteractionLog.builder();
        long time = GeneratedLogs.START;
        for (int u = 0; u < usersPerTopic; u++) {
            for (String topic : TOPICS) {
                int history = 4 + random.nextInt(4);
                for (int e = 0; e < history; e++) {
                    builder.add(topic + "-" + u, topic + random.nextInt(itemsPerTopic), time, "click", Float.NaN);
                    time += 60;
                }
            }
        }
        return builder.build();
    }

    /**
     * Items "<topic><k>" for k below {@code itemsPerTopic} plus {@code coldPerTopic} items
     * "<topic>-new<k>" that have no interactions, with a categorical "genre" (the topic, and now and
     * then a value every topic shares) and a textual "description" of the topic's words.
     */
    static ItemAttributes topicItems(int itemsPerTopic, int coldPerTopic, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ItemAttributes.Builder builder = ItemAttributes.builder(List.of("genre"), List.of("description"), List.of());
        for (String topic : TOPICS) {
            for (int k = 0; k < itemsPerTopic + coldPerTopic; k++) {
                String id = k < itemsPerTopic ? topic + k : topic + "-new" + (k - itemsPerTopic);
                String genre = "genre-" + topic + (random.nextInt(3) == 0 ? "|popular" : "");
                builder.add(id, new String[] {genre}, new String[] {description(topic, random)}, new double[0],
                        ItemAttributes.UNKNOWN_TIME);
            }
        }
        return builder.build();
    }

    /** Four of the topic's words and some stop words, in random order. */
    static String description(String topic, SplittableRandom random) {
        String[] words = WORDS.get(topic);
        List<String> text = new ArrayList<>(List.of("The", "and", "of", "a"));
        for (int w = 0; w < 4; w++) {
            text.add(random.nextInt(text.size() + 1), words[random.nextInt(words.length)]);
        }
        return String.join(" ", text) + ".";
    }

    static TrainingConfig config(long seed, String... keyValues) {
        Map<String, String> hyperParameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            hyperParameters.put(keyValues[i], keyValues[i + 1]);
        }
        return new TrainingConfig(null, null, hyperParameters, seed);
    }

    static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    static byte[] bytesOf(TrainedModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);
        return out.toByteArray();
    }

    static TrainedModel read(byte[] bytes) throws IOException {
        return ModelCodec.read(new ByteArrayInputStream(bytes));
    }

    /** A monitor that records the fractions it is told. */
    static final class RecordingMonitor implements TrainingMonitor {
        final List<Double> fractions = new ArrayList<>();
        final List<String> steps = new ArrayList<>();

        @Override
        public void progress(String step, double fraction) {
            steps.add(step);
            fractions.add(fraction);
        }
    }
}
