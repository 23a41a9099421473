package io.tastemaker.systemtest.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * Every string a request of the AWS SDK carries, reachable by a path, and the request with one of
 * them replaced. A path names a member ({@code name}), a member of a structure
 * ({@code dataSource.dataLocation}), the first element of a list ({@code eventList[0].itemId},
 * {@code inputList[0]}) or the first entry of a string map ({@code filterValues{value}},
 * {@code filterValues{key}}). Top-level string members are reachable even when the request leaves
 * them out; nested ones only where the request has the structure, list or map around them.
 *
 * <p>Built on the SDK's own model of each shape ({@link SdkPojo#sdkFields()}), so a member the
 * service model adds is reached without a change here.
 */
public final class RequestMutations {

    private RequestMutations() {
    }

    /** The paths of every string of {@code request}, in the order of its members. */
    public static List<String> paths(SdkPojo request) {
        List<String> out = new ArrayList<>();
        collect(request, "", true, out);
        return out;
    }

    /**
     * {@code request} with the string at {@code path} replaced by {@code value}.
     *
     * @throws IllegalArgumentException if the request has no string at that path
     */
    public static SdkPojo replace(SdkPojo request, String path, String value) {
        return (SdkPojo) replaceIn(request, path, value);
    }

    private static void collect(SdkPojo pojo, String prefix, boolean topLevel, List<String> out) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            String path = prefix + field.memberName();
            MarshallingType<?> type = field.marshallingType();
            if (type == MarshallingType.STRING) {
                if (value != null || topLevel) {
                    out.add(path);
                }
            } else if (type == MarshallingType.SDK_POJO && value instanceof SdkPojo nested) {
                collect(nested, path + ".", false, out);
            } else if (type == MarshallingType.LIST && value instanceof List<?> list && !list.isEmpty()) {
                Object first = list.get(0);
                if (first instanceof String) {
                    out.add(path + "[0]");
                } else if (first instanceof SdkPojo nested) {
                    collect(nested, path + "[0].", false, out);
                }
            } else if (type == MarshallingType.MAP && value instanceof Map<?, ?> map && !map.isEmpty()
                    && map.values().iterator().next() instanceof String) {
                out.add(path + "{value}");
                out.add(path + "{key}");
            }
        }
    }

    private static Object replaceIn(SdkPojo pojo, String path, String value) {
        String head = path;
        String rest = null;
        int cut = firstSeparator(path);
        if (cut >= 0) {
            head = path.substring(0, cut);
            rest = path.substring(cut);
        }
        for (SdkField<?> field : pojo.sdkFields()) {
            if (!field.memberName().equals(head)) {
                continue;
            }
            Object current = field.getValueOrDefault(pojo);
            Object replaced;
            if (rest == null) {
                replaced = value;
            } else if (rest.startsWith(".")) {
                replaced = replaceIn((SdkPojo) current, rest.substring(1), value);
            } else if (rest.startsWith("[0]")) {
                List<Object> list = new ArrayList<>((Collection<?>) current);
                String inner = rest.substring(3);
                list.set(0, inner.isEmpty() ? value : replaceIn((SdkPojo) list.get(0), inner.substring(1), value));
                replaced = list;
            } else if (rest.equals("{value}") || rest.equals("{key}")) {
                Map<Object, Object> map = new LinkedHashMap<>();
                boolean first = true;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) current).entrySet()) {
                    if (first && rest.equals("{value}")) {
                        map.put(e.getKey(), value);
                    } else if (first) {
                        map.put(value, e.getValue());
                    } else {
                        map.put(e.getKey(), e.getValue());
                    }
                    first = false;
                }
                replaced = map;
            } else {
                throw new IllegalArgumentException("Bad path " + path);
            }
            return with(pojo, field, replaced);
        }
        throw new IllegalArgumentException(pojo.getClass().getSimpleName() + " has no member " + head);
    }

    private static int firstSeparator(String path) {
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        int brace = path.indexOf('{');
        int cut = -1;
        for (int i : new int[] {dot, bracket, brace}) {
            if (i >= 0 && (cut < 0 || i < cut)) {
                cut = i;
            }
        }
        return cut;
    }

    private static Object with(SdkPojo pojo, SdkField<?> field, Object value) {
        Object builder = ((ToCopyableBuilder<?, ?>) pojo).toBuilder();
        field.set(builder, value);
        return ((SdkBuilder<?, ?>) builder).build();
    }
}
