/**
 * Personalize's filters: the filter expression language (reference §1.16), parsed, checked against
 * a dataset group's schemas at {@code CreateFilter}, and evaluated at {@code GetRecommendations} into
 * the set of catalog items a request may return.
 *
 * <h2>Grammar</h2>
 *
 * <p>ISO EBNF; {@link io.tastemaker.engine.filter.FilterParser} has one method per rule and reads one
 * token ahead. Tokens may be separated by whitespace (newlines included).
 *
 * <pre>
 * filter         = element , { "|" , element } ;
 * element        = expression | quota ;
 * expression     = ( "INCLUDE" | "EXCLUDE" ) , ( "ItemID" | "UserID" | "ActionID" ) , "WHERE" ,
 *                  disjunction , [ if-clause ] ;
 * disjunction    = conjunction , { "OR" , conjunction } ;
 * conjunction    = comparison , { "AND" , comparison } ;
 * if-clause      = "IF" , comparison , { "AND" , comparison } ;
 * comparison     = field , ( membership , list-operand | relation , scalar-operand ) ;
 * field          = qualifier , "." , name ;
 * qualifier      = "Items" | "Users" | "Interactions" | "CurrentUser" | "CurrentItem" ;
 * membership     = "IN" | "NOT" , "IN" ;
 * relation       = "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ;
 * list-operand   = "(" , parameter , ")"
 *                | "(" , list-value , { "," , list-value } , ")"
 *                | current-item ;
 * list-value     = string | "*" ;
 * scalar-operand = number | parameter | current-item ;
 * current-item   = "CurrentItem" , "." , name ;
 * quota          = "QUOTA" , ( "AT" , "LEAST" | "AT" , "MOST" ) , percent , "PERCENT" ,
 *                  ( "FROM" , field , "IN" , list-operand | "PER" , field ) ;   (* PER only after AT MOST *)
 * percent        = number ;   (* a whole number from 1 to 100 *)
 *
 * (* tokens *)
 * name           = ( letter | "_" ) , { letter | digit | "_" } ;
 * parameter      = "$" , ( letter | digit | "_" ) , { letter | digit | "_" } ;   (* at most 50 after "$" *)
 * string         = '"' , { character - ( '"' | "\" ) | "\" , ( '"' | "\" ) } , '"' ;
 * number         = [ "-" ] , digit , { digit } , [ "." , digit , { digit } ] ,
 *                  [ ( "e" | "E" ) , [ "+" | "-" ] , digit , { digit } ] ;
 * </pre>
 *
 * <p>Reading the grammar:
 * <ul>
 *   <li><b>Precedence.</b> {@code AND} binds tighter than {@code OR}: {@code a OR b AND c} is
 *       {@code a OR (b AND c)}. Personalize documents neither a precedence nor grouping parentheses,
 *       so there are none: a {@code (} where a condition should start is a syntax error that says
 *       so. {@code |} binds loosest: it separates whole expressions.</li>
 *   <li><b>Case.</b> Keywords ({@code INCLUDE EXCLUDE WHERE AND OR NOT IN IF}), the targets
 *       ({@code ItemID UserID ActionID}) and the qualifiers are matched ignoring case. The reference
 *       is silent on this; its examples use the spellings above, which are always accepted.
 *       Field names are matched against the schema ignoring case (and messages use the schema's
 *       spelling). Parameter names are case-sensitive, as Personalize documents. Values are matched
 *       exactly, except event types, which Personalize matches ignoring case.</li>
 *   <li><b>{@code IF}</b> comes once, at the end of an expression, and joins its conditions with
 *       {@code AND} only; a second {@code IF} or an {@code OR} after it is a syntax error. The
 *       grammar lets any field follow {@code IF} so that the checker can explain that only
 *       {@code CurrentUser} fields may (that is how "IF not last" is reported).</li>
 *   <li><b>Operands.</b> {@code IN} takes a parenthesised list of quoted strings (and {@code *}), a
 *       single parenthesised {@code $PARAMETER} that stands for the whole list (the documented
 *       form {@code IN ($GENRE)}), or {@code CurrentItem.FIELD} without parentheses (the documented
 *       {@code Items.GENRE IN CurrentItem.GENRE}). Numbers in an {@code IN} list and strings after a
 *       relation are syntax errors: Personalize's {@code IN} matches strings and its relations
 *       compare numbers. {@code *} and {@code "*"} both mean "every event type".</li>
 *   <li><b>Quota clauses</b> are Tastemaker's extension (Personalize has no such clause): a filter
 *       is any mix of expressions and quota clauses joined with {@code |}, at least one of either, in
 *       any order; a filter of quota clauses only allows every item. Their keywords ({@code QUOTA AT
 *       LEAST MOST PERCENT FROM PER}) ignore case like the others. See "Category quotas" below.</li>
 *   <li><b>Errors</b> are {@link io.tastemaker.engine.filter.FilterSyntaxException}s that say what
 *       was expected, at which 1-based column (the expression counts as one line), and what was
 *       found. Expressions are at most 2,500 characters.</li>
 * </ul>
 *
 * <h2>Checking at CreateFilter</h2>
 *
 * <p>{@link io.tastemaker.engine.filter.FilterChecker} (or {@link
 * io.tastemaker.engine.filter.CheckedFilter#of}) checks a parsed filter against a {@link
 * io.tastemaker.engine.filter.FilterSchema} (dataset → field → {@link
 * io.tastemaker.engine.filter.FieldKind}) and throws a {@link
 * io.tastemaker.engine.filter.FilterValidationException} naming the field, its column and the fix
 * when:
 * <ul>
 *   <li>the dataset group has no such dataset, or the dataset no such field (names match ignoring
 *       case);</li>
 *   <li>the field is textual or boolean (Personalize can't filter on either), or is an Interactions
 *       field other than {@code EVENT_TYPE};</li>
 *   <li>a string field (categorical, other string, {@code EVENT_TYPE}) is compared with a relation,
 *       or a numeric field ({@code int long float double}, {@code CREATION_TIMESTAMP}) with
 *       {@code IN}/{@code NOT IN} (Personalize's {@code IN} is exact string matching, its relations
 *       numeric);</li>
 *   <li>{@code NOT IN} takes a parameter (use {@code IN} with the opposite action);</li>
 *   <li>{@code *} is used with a field other than {@code Interactions.EVENT_TYPE};</li>
 *   <li>conditions joined by {@code AND}/{@code OR} use another dataset than the first (so Items and
 *       Interactions never mix in one expression); an ItemID expression uses Users, or a UserID
 *       expression Items;</li>
 *   <li>{@code CurrentUser} appears outside {@code IF}, or anything but {@code CurrentUser} after
 *       {@code IF} ("IF must come last"); {@code CurrentItem} stands on the left, appears in an
 *       {@code IF}, is compared with a non-Items field (so never in a UserID filter), or has another
 *       type than the field it is compared with;</li>
 *   <li>expressions filter different targets, or {@code ActionID} (Tastemaker has no Actions
 *       datasets);</li>
 *   <li>the filter uses more than 10 distinct fields over all its expressions ({@code CurrentUser.X}
 *       counts as {@code Users.X}, {@code CurrentItem.X} as {@code Items.X}).</li>
 * </ul>
 *
 * <p>A {@link io.tastemaker.engine.filter.Quota} clause is checked too: its field must be a
 * categorical field of the Items dataset ({@code Users.X}, {@code CurrentItem.X}, an unknown field or
 * one of another kind is refused at the field's column), its list may not hold {@code *}, a
 * {@code CurrentItem} operand must be a string field, quota clauses may not join a UserID filter, and
 * their fields count toward the 10 distinct fields.
 *
 * <p>Not checked at creation, because they depend on the request: whether a {@code CurrentItem}
 * filter is used with a related-items request, and the parameters' values.
 *
 * <h2>Parameters at request time</h2>
 *
 * <p>{@link io.tastemaker.engine.filter.FilterValues#parse} decodes {@code filterValues}
 * ({@code "\"comedy\",\"drama\""}, or a single unquoted number; at most 25 entries, names of 1 to
 * 50 letters, digits or underscores, values of at most 1,000 characters). {@link
 * io.tastemaker.engine.filter.CheckedFilter#bind} applies them: an INCLUDE expression needs every
 * parameter it uses (WHERE and IF), an EXCLUDE expression missing one is left out entirely, a
 * parameter compared with a number must be exactly one number, and entries the filter doesn't use
 * are ignored. Failures are {@link io.tastemaker.engine.filter.FilterRequestException}s.
 *
 * <h2>Evaluation at GetRecommendations</h2>
 *
 * <p>A {@link io.tastemaker.engine.filter.CatalogIndex} holds a model's candidate items (an {@link
 * io.tastemaker.engine.data.IdDictionary}) and their {@link io.tastemaker.engine.data.ItemAttributes},
 * with per-field posting lists and sorted numeric columns built on first use. {@link
 * io.tastemaker.engine.filter.CompiledFilter#compile} turns a bound ItemID filter into bitsets over
 * the catalog: every condition on item attributes without {@code CurrentItem} is evaluated there,
 * once (cache the compiled filter by bound filter and catalog). {@link
 * io.tastemaker.engine.filter.CompiledFilter#allowedItems} then combines them with what the request
 * brings, in a {@link io.tastemaker.engine.filter.FilterContext}: the user's interactions ({@link
 * io.tastemaker.engine.filter.InteractionHistory}), the user's attributes and the request's item.
 * Semantics:
 * <ul>
 *   <li><b>{@code |}</b>: allowed = (union of the INCLUDE expressions that apply, or the whole
 *       catalog if none applies) minus (union of the EXCLUDE expressions that apply). Order doesn't
 *       matter. An expression applies if it took part in binding and its IF conditions hold.</li>
 *   <li><b>IF CurrentUser</b>: every condition must hold for the requesting user's attributes; a
 *       missing attribute, or no user, makes it false, so the expression doesn't apply.</li>
 *   <li><b>Strings</b>: {@code IN} matches an item with at least one of its values (categorical
 *       fields are multi-valued) in the list; {@code NOT IN} an item with at least one value and none
 *       in the list. Matching is exact (case-sensitive).</li>
 *   <li><b>Numbers</b> ({@code CREATION_TIMESTAMP} in epoch seconds included) compare as
 *       {@code double}s.</li>
 *   <li><b>Missing values never match</b>: an item without a value for the field (no categorical
 *       value, a NaN number, an unknown creation time, no attributes at all) matches no comparison,
 *       {@code NOT IN} and {@code !=} included. So {@code INCLUDE} drops such items and
 *       {@code EXCLUDE} keeps them. The same holds for a {@code CurrentItem} without the value: the
 *       comparison matches no item.</li>
 *   <li><b>Interactions</b>: {@code Interactions.EVENT_TYPE IN (...)} matches the catalog items the
 *       user has an interaction with whose event type is in the list, ignoring case, reading the
 *       newest {@value io.tastemaker.engine.filter.InteractionHistory#MAX_PER_EVENT_TYPE} interactions of
 *       each event type; {@code *} matches every type; {@code NOT IN} matches items with an
 *       interaction of a type not in the list. {@code AND}/{@code OR} intersect/unite these sets.</li>
 *   <li><b>CurrentItem</b>: the request's item's value(s), read from the attributes even if the item
 *       is not a candidate; a filter that uses it and a request without an item is a {@link
 *       io.tastemaker.engine.filter.FilterRequestException}.</li>
 * </ul>
 *
 * <h2>Category quotas</h2>
 *
 * <p>{@link io.tastemaker.engine.filter.CompiledFilter#quotas} binds a filter's quota clauses to one
 * request as {@link io.tastemaker.engine.filter.BoundQuota}s: for {@code FROM}, the catalog items with
 * a value in the list (the parameter's values, or the request's item's values for {@code CurrentItem},
 * none if it has none); for {@code PER}, each item's value ids. A quota's parameter is required, as
 * for INCLUDE. The re-rank that honours them is {@link io.tastemaker.engine.quota}'s; the quotas do
 * not change which items are allowed.
 *
 * <p>Promotions (reference §1.17) carry their own filter: the server compiles it like any other and
 * applies it to the promoted items only, while the request's filter applies to the rest.
 *
 * <p>Invariants: every type here is immutable and thread-safe except the builders; the allowed
 * bitset has no bits past the catalog's size; nothing reads the clock or a random source.
 *
 * <p>Out of scope: evaluating UserID filters (user segments; they are parsed and checked),
 * ActionID filters, the limit of 20 distinct fields across a dataset group's filters and of 30
 * filters per group (the domain counts those), and v2 recipes' "Popular item" placeholders (the
 * domain's {@code recommendation.PopularFill} adds them).
 */
package io.tastemaker.engine.filter;
