/**
 * Schemas: the Avro schemas that datasets are created with (Personalize's {@code CreateSchema},
 * {@code DescribeSchema}, {@code ListSchemas}, {@code DeleteSchema}).
 *
 * <p>A user's schema is data, not code: {@link io.tastemaker.domain.schema.AvroSchemaParser}
 * reads it with Avro's {@code Schema.Parser} into a
 * {@link io.tastemaker.domain.schema.ParsedSchema}, and
 * {@link io.tastemaker.domain.schema.DatasetSchemaRules} checks it against the rules of a
 * {@link io.tastemaker.domain.schema.DatasetType} when a dataset is created with it. No Avro
 * classes are generated from user schemas.
 *
 * <p>Invariants:
 * <ul>
 *   <li>a {@code ParsedSchema} is a flat record of {@code string}, {@code int}, {@code long},
 *       {@code float}, {@code double} or {@code boolean} fields, each optionally a union with
 *       {@code null}, with names unique when case and underscores are ignored, and its JSON is
 *       at most 20,000 characters and kept verbatim;</li>
 *   <li>field names compare case-insensitively ({@code Locale.ROOT} upper case);</li>
 *   <li>every rejection is an {@link io.tastemaker.domain.error.InvalidInputException} whose
 *       message names the field and the rule.</li>
 * </ul>
 *
 * <p>Out of scope: the {@code Actions} and {@code Action_Interactions} dataset types; the
 * extra requirements of Domain dataset groups (ECOMMERCE, VIDEO_ON_DEMAND) and their default
 * schemas; the {@code itemName} attribute of Semantic-Similarity; the limit on distinct event
 * types plus interaction metadata (it depends on the data, not on the schema); persistence of
 * schemas, which {@link io.tastemaker.domain.schema.DatasetSchema} and its service handle.
 */
package io.tastemaker.domain.schema;
