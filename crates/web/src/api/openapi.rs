//! The OpenAPI 3.0 document of `/api/v1`, served at `/api/openapi.json`. CI checks it against
//! a running server with schemathesis (`.ci/run`), so it cannot drift from the answers.

use std::sync::LazyLock;

use axum::response::Response;
use serde_json::{Value, json};

use super::json_with;

static DOCUMENT: LazyLock<Value> = LazyLock::new(build);

pub(crate) async fn document() -> Response {
    json_with(axum::http::StatusCode::OK, &*DOCUMENT)
}

fn nullable(schema: Value) -> Value {
    let mut s = schema;
    if let Some(map) = s.as_object_mut() {
        if map.contains_key("$ref") {
            return json!({ "allOf": [s], "nullable": true });
        }
        map.insert("nullable".into(), Value::Bool(true));
    }
    s
}

/// A request body object that takes no other fields.
fn closed(mut schema: Value) -> Value {
    if let Some(map) = schema.as_object_mut() {
        map.insert("additionalProperties".into(), Value::Bool(false));
    }
    schema
}

fn string() -> Value {
    json!({ "type": "string" })
}

fn uuid() -> Value {
    json!({ "type": "string", "format": "uuid" })
}

fn time() -> Value {
    json!({ "type": "string", "format": "date-time" })
}

fn count() -> Value {
    json!({ "type": "integer", "minimum": 0 })
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn object(fields: &[(&str, Value)]) -> Value {
    let properties: serde_json::Map<String, Value> = fields.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
    let required: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
    json!({ "type": "object", "properties": properties, "required": required })
}

fn list_of(item: &str) -> Value {
    object(&[("items", json!({ "type": "array", "items": schema_ref(item) })), ("next_cursor", nullable(string()))])
}

fn answer(description: &str, schema: Value) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": schema } } })
}

fn error(description: &str) -> Value {
    answer(description, schema_ref("Error"))
}

fn paging_parameters() -> Value {
    paging_with_cursor("^o[0-9]{1,6}$")
}

/// `limit` and a `cursor` of the given form.
fn paging_with_cursor(pattern: &str) -> Value {
    json!([
        { "name": "limit", "in": "query", "required": false, "description": "Items per page, 1 to 100 (default 20).",
          "schema": { "type": "integer", "minimum": 1, "maximum": 100 } },
        { "name": "cursor", "in": "query", "required": false, "description": "From the last answer's next_cursor.",
          "schema": { "type": "string", "pattern": pattern } }
    ])
}

/// A search's cursor: an offset within the results a search lists ([`SEARCH_DEPTH`], a power
/// of ten), so that a cursor the API would refuse as too deep is not a valid request.
///
/// [`SEARCH_DEPTH`]: newsdesk_store::SEARCH_DEPTH
fn search_cursor_pattern() -> String {
    let digits = (newsdesk_store::SEARCH_DEPTH - 1).to_string().len();
    format!("^o[0-9]{{1,{digits}}}$")
}

/// A UUID in a pattern.
const UUID_PATTERN: &str = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

fn id_parameter(what: &str) -> Value {
    json!({ "name": "id", "in": "path", "required": true, "description": format!("The {what}'s id."), "schema": uuid() })
}

/// Every operation may be answered so (see `request_limits`).
const URI_TOO_LONG: &str = "The address (path and query) is longer than 8 KiB.";

fn read(summary: &str, parameters: Value, ok: Value) -> Value {
    json!({ "get": {
        "summary": summary,
        "parameters": parameters,
        "responses": { "200": ok, "400": error("Malformed parameters: the message says what to fix."),
                       "404": error("Nothing is there."), "414": error(URI_TOO_LONG) }
    }})
}

fn build() -> Value {
    // One shape for an article in every list; the whole article adds to it.
    let article_card_fields = vec![
        ("id", uuid()),
        ("title", string()),
        (
            "title_derived",
            json!({ "type": "boolean", "description": "The outlet gave no title: `title` is its first words." }),
        ),
        ("summary", string()),
        ("byline", nullable(string())),
        ("published_at", nullable(time())),
        (
            "sort_at",
            json!({ "type": "string", "format": "date-time", "description": "Published time, else when newsdesk stored it." }),
        ),
        ("language", nullable(string())),
        ("url", nullable(string())),
        (
            "image_url",
            nullable(
                json!({ "type": "string", "description": "The lead image on the outlet's site; pages show it through this site's image proxy." }),
            ),
        ),
        ("outlet", nullable(schema_ref("Outlet"))),
        ("original_domain", nullable(string())),
        ("comment_count", count()),
        ("comments_here", count()),
    ];
    let mut article_fields = article_card_fields.clone();
    article_fields.retain(|(name, _)| *name != "original_domain");
    article_fields.extend([
        ("created_at", time()),
        ("feed_summary", nullable(string())),
        ("body_text", string()),
        ("body_html", string()),
        ("updated_at", nullable(time())),
        ("original_url", nullable(string())),
        ("original_domain", nullable(string())),
        ("story", nullable(schema_ref("StoryCard"))),
        ("copy_of", nullable(schema_ref("ArticleCard"))),
        ("entities", json!({ "type": "array", "items": schema_ref("EntityCount") })),
        ("keyphrases", json!({ "type": "array", "items": string() })),
    ]);
    let schemas = json!({
        "Error": object(&[("error", object(&[("code", string()), ("message", string())]))]),
        "Article": object(&article_fields),
        "ArticleCard": object(&article_card_fields),
        "Outlet": object(&[("name", string()), ("domain", string())]),
        "StoryCard": object(&[
            ("id", uuid()), ("title", string()), ("summary", string()), ("lead_article", nullable(uuid())),
            ("first_seen_at", time()), ("last_seen_at", time()), ("article_count", count()), ("source_count", count()),
            ("image_url", nullable(json!({ "type": "string", "description": "Its lead article's image on the outlet's site." }))),
            ("language", nullable(json!({ "type": "string", "description": "The language tag of its title and summary." }))),
        ]),
        "EntityCount": object(&[
            ("kind", json!({ "type": "string", "enum": ["person", "organization", "place"] })),
            ("key", string()), ("name", string()), ("articles", count()),
        ]),
        "TimelineEntry": object(&[
            ("article", schema_ref("ArticleCard")), ("source", nullable(string())), ("copy_of", nullable(uuid())),
        ]),
        "Story": object(&[
            ("story", schema_ref("StoryCard")),
            ("timeline", json!({ "type": "array", "items": schema_ref("TimelineEntry") })),
            ("entities", json!({ "type": "array", "items": schema_ref("EntityCount") })),
            ("related", json!({ "type": "array", "items": schema_ref("StoryCard"),
                "description": "Other stories on the same subject (naming the same people, organisations and places, and sharing a keyphrase), newest first." })),
        ]),
        "Entity": object(&[
            ("entity", schema_ref("EntityCount")),
            ("other_names", json!({ "type": "array", "items": string(),
                "description": "Other names articles call it by, as written (\"ECB\" for the European Central Bank)." })),
            ("stories", json!({ "type": "array", "items": schema_ref("StoryCard") })),
            ("articles", json!({ "type": "array", "items": schema_ref("ArticleCard") })),
        ]),
        "Source": object(&[
            ("id", uuid()), ("name", string()), ("homepage", string()), ("domain", string()),
            ("named_by", json!({ "type": "string", "enum": ["domain", "feed", "site", "operator"] })), ("created_at", time()),
        ]),
        "SourceWithArticles": object(&[("source", schema_ref("Source")), ("articles", list_of("ArticleCard"))]),
        "Comment": object(&[
            ("id", uuid()), ("parent", nullable(uuid())), ("depth", count()), ("author_name", string()),
            ("author_url", nullable(string())), ("body", string()), ("created_at", time()),
            ("staff", json!({ "type": "boolean", "description": "Written by one of the site's moderators." })),
        ]),
        "HeldComment": object(&[
            ("comment", schema_ref("Comment")), ("article", uuid()), ("article_title", string()),
            ("author_email", json!({ "type": "string", "description": "For moderators only: no public page, feed or reading endpoint shows it." })),
        ]),
        "SearchHit": object(&[
            ("article", schema_ref("ArticleCard")),
            ("snippet", json!({ "type": "array", "items": object(&[
                ("kind", json!({ "type": "string", "enum": ["text", "match"] })), ("text", string()),
            ]) })),
        ]),
        "SearchAnswer": object(&[
            ("items", json!({ "type": "array", "items": schema_ref("SearchHit") })),
            ("next_cursor", nullable(string())),
            ("total", count()),
        ]),
        "Feed": object(&[
            ("id", uuid()), ("url", string()), ("title", nullable(string())), ("paused", json!({ "type": "boolean" })),
            ("full_text", json!({ "type": "string", "enum": ["auto", "always", "never"] })),
            ("status", json!({ "type": "string", "enum": ["new", "ok", "not_modified", "error"] })),
            ("last_error", nullable(string())), ("error_count", count()), ("item_count", count()),
            ("last_polled_at", nullable(time())), ("next_poll_at", time()),
        ]),
        "ArticleList": list_of("ArticleCard"),
        "StoryList": list_of("StoryCard"),
        "SourceList": list_of("Source"),
        "CommentList": list_of("Comment"),
        "HeldCommentList": object(&[
            ("items", json!({ "type": "array", "items": schema_ref("HeldComment") })),
            ("next_cursor", nullable(string())),
            ("total", count()),
        ]),
        "FeedList": list_of("Feed"),
    });
    let admin = |summary: &str, parameters: Value, body: Option<Value>, ok_status: &str, ok: Value| -> Value {
        let mut op = json!({
            "summary": summary,
            "security": [{ "token": [] }],
            "parameters": parameters,
            "responses": {
                ok_status: ok,
                "400": error("Malformed request: the message says what to fix."),
                "401": error("No valid API token."),
                "404": error("Nothing is there."),
                "409": error("It exists already."),
                "414": error(URI_TOO_LONG)
            }
        });
        if let (Some(b), Some(map)) = (body, op.as_object_mut()) {
            map.insert(
                "requestBody".into(),
                json!({ "required": true, "content": { "application/json": { "schema": b } } }),
            );
        }
        op
    };
    let text = string();
    let mut paths = serde_json::Map::new();
    let mut article_paging = paging_with_cursor(&format!("^(a|m[0-9]{{1,18}}\\.){UUID_PATTERN}$"));
    if let Some(params) = article_paging.as_array_mut() {
        params.push(json!({ "name": "since", "in": "query", "required": false,
            "description": "Only articles stored or changed at this time or later (RFC 3339, or a day as YYYY-MM-DD), in the order they changed. A cursor continues the walk it came from.",
            "schema": { "oneOf": [{ "type": "string", "format": "date-time" }, { "type": "string", "format": "date" }] } }));
    }
    paths.insert(
        "/api/v1/articles".into(),
        read(
            "Every article, oldest stored first; follow next_cursor to keep in step.",
            article_paging,
            answer("A page of articles.", schema_ref("ArticleList")),
        ),
    );
    paths.insert(
        "/api/v1/articles/{id}".into(),
        read(
            "An article with its body, story, original, entities and keyphrases.",
            json!([id_parameter("article")]),
            answer("The article.", schema_ref("Article")),
        ),
    );
    paths.insert(
        "/api/v1/articles/{id}/comments".into(),
        read(
            "An article's published comments, oldest first, a page at a time (follow next_cursor).",
            {
                let mut params = vec![id_parameter("article")];
                params.extend(
                    paging_with_cursor(&format!("^c[0-9]{{1,18}}\\.{UUID_PATTERN}$"))
                        .as_array()
                        .cloned()
                        .unwrap_or_default(),
                );
                Value::Array(params)
            },
            answer("The comments.", schema_ref("CommentList")),
        ),
    );
    paths.insert(
        "/api/v1/stories".into(),
        read(
            "The top stories, as the front page orders them.",
            paging_parameters(),
            answer("A page of stories.", schema_ref("StoryList")),
        ),
    );
    paths.insert(
        "/api/v1/stories/{id}".into(),
        read(
            "A story with its timeline and entities (a merged story answers with the story it went into).",
            json!([id_parameter("story")]),
            answer("The story.", schema_ref("Story")),
        ),
    );
    paths.insert("/api/v1/entities/{kind}/{key}".into(), read("A person, organisation or place, with the stories and articles that name it.", json!([
        { "name": "kind", "in": "path", "required": true, "schema": { "type": "string", "enum": ["person", "organization", "place"] } },
        { "name": "key", "in": "path", "required": true, "schema": text }
    ]), answer("The entity.", schema_ref("Entity"))));
    paths.insert(
        "/api/v1/sources".into(),
        read("Every outlet.", json!([]), answer("The outlets.", schema_ref("SourceList"))),
    );
    let mut source_params = vec![json!({ "name": "domain", "in": "path", "required": true, "schema": string() })];
    source_params.extend(paging_parameters().as_array().cloned().unwrap_or_default());
    paths.insert(
        "/api/v1/sources/{domain}".into(),
        read(
            "An outlet and its articles, newest first.",
            Value::Array(source_params),
            answer("The outlet.", schema_ref("SourceWithArticles")),
        ),
    );
    let mut search_params = vec![json!({ "name": "q", "in": "query", "required": true,
        "description": "Words, \"phrases\", -excluded, and the filters source:, lang:, after:, before: (a filter that cannot be read is searched as words).",
        "schema": { "type": "string", "pattern": "\\S" } })];
    search_params.extend(paging_with_cursor(&search_cursor_pattern()).as_array().cloned().unwrap_or_default());
    let mut search = read(
        &format!(
            "Search, best match first; its first {} results (a deeper cursor is refused with search_too_deep: narrow the query).",
            newsdesk_store::SEARCH_DEPTH
        ),
        Value::Array(search_params),
        answer("A page of results.", schema_ref("SearchAnswer")),
    );
    search["get"]["responses"]["503"] = error(
        "Too many searches for the start of a word (word*) at once (code busy): try again after the seconds `Retry-After` gives.",
    );
    paths.insert("/api/v1/search".into(), search);
    let held_paging = paging_with_cursor(&format!("^h[0-9]{{1,18}}\\.{UUID_PATTERN}$"));
    paths.insert(
        "/api/v1/admin/comments".into(),
        json!({ "get": admin("Comments held for moderation, oldest first, with the number held in all (total).", held_paging, None, "200", answer("A page of the queue.", schema_ref("HeldCommentList"))) }),
    );
    paths.insert(
        "/api/v1/admin/comments/{id}".into(),
        json!({ "post": admin("Approve, mark as spam or delete a comment.", json!([id_parameter("comment")]),
        Some(closed(object(&[("action", json!({ "type": "string", "enum": ["approve", "spam", "delete"] }))]))), "200",
        answer("Done.", object(&[("id", uuid()), ("action", string())]))) }),
    );
    let mut feeds = serde_json::Map::new();
    feeds.insert(
        "get".into(),
        admin("Every feed with its state.", json!([]), None, "200", answer("The feeds.", schema_ref("FeedList"))),
    );
    feeds.insert(
        "post".into(),
        admin(
            "Follow a feed by its address (polled on the next crawl).",
            json!([]),
            Some(closed(object(&[("url", json!({ "type": "string", "format": "uri" }))]))),
            "201",
            answer("The new feed.", schema_ref("Feed")),
        ),
    );
    paths.insert("/api/v1/admin/feeds".into(), Value::Object(feeds));
    let mut feed = serde_json::Map::new();
    feed.insert("patch".into(), admin("Pause or resume a feed, rename it, or set whether its article pages are fetched.", json!([id_parameter("feed")]),
        Some(json!({ "type": "object", "properties": {
            "paused": { "type": "boolean", "nullable": true },
            "title": { "type": "string", "nullable": true, "minLength": 1, "pattern": "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$" },
            "full_text": { "type": "string", "enum": ["auto", "always", "never", null], "nullable": true } }, "additionalProperties": false })),
        "200", answer("The feed.", schema_ref("Feed"))));
    feed.insert(
        "delete".into(),
        admin(
            "Stop following a feed (its articles stay).",
            json!([id_parameter("feed")]),
            None,
            "204",
            json!({ "description": "Removed." }),
        ),
    );
    paths.insert("/api/v1/admin/feeds/{id}".into(), Value::Object(feed));
    paths.insert(
        "/api/v1/admin/sources/{domain}".into(),
        json!({ "patch": admin("Rename an outlet; its feeds and pages never rename it after this.",
            json!([{ "name": "domain", "in": "path", "required": true, "description": "The outlet's domain.", "schema": string() }]),
            Some(closed(object(&[("name", json!({ "type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S" }))]))),
            "200", answer("The outlet.", schema_ref("Source"))) }),
    );
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "newsdesk API",
            "version": "1",
            "description": "Articles, stories, entities, sources, search and comments of a newsdesk, and its administration with API tokens (newsdesk admin create-token NAME). Lists are {items, next_cursor}; pass next_cursor back as cursor to continue. Errors are {error: {code, message}} with a stable snake_case code."
        },
        "paths": Value::Object(paths),
        "components": {
            "schemas": schemas,
            "securitySchemes": { "token": { "type": "http", "scheme": "bearer" } }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_resolves() {
        let doc = build();
        let text = doc.to_string();
        let schemas = &doc["components"]["schemas"];
        for piece in text.split("#/components/schemas/").skip(1) {
            let name: String = piece.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            assert!(schemas.get(&name).is_some(), "{name} is referenced but not defined");
        }
    }

    #[test]
    fn a_search_cursor_is_valid_exactly_within_the_search_depth() {
        // The pattern counts digits, which says "below the depth" only for a power of ten.
        let depth = newsdesk_store::SEARCH_DEPTH;
        assert_eq!(10u64.pow(depth.ilog10()), depth, "the search depth is a power of ten");
        let doc = build();
        let parameters = doc["paths"]["/api/v1/search"]["get"]["parameters"].as_array().cloned().unwrap_or_default();
        let cursor = parameters.iter().find(|p| p["name"] == "cursor").expect("a cursor parameter");
        let pattern = cursor["schema"]["pattern"].as_str().expect("a pattern");
        // "^o[0-9]{1,N}$": "o" and one to N digits.
        let most: usize = pattern
            .strip_prefix("^o[0-9]{1,")
            .and_then(|rest| rest.strip_suffix("}$"))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("unexpected cursor pattern {pattern}"));
        let valid = |cursor: &str| {
            cursor
                .strip_prefix('o')
                .is_some_and(|d| (1..=most).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
        };
        assert!(valid("o0"));
        assert!(valid(&format!("o{}", depth - 1)), "the last listed offset is valid");
        assert!(!valid(&format!("o{depth}")), "the first refused offset is not valid");
        assert!(!valid("o10949"));
    }
}
