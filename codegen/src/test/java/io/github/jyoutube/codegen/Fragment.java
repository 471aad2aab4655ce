package io.github.jyoutube.codegen;

/** A small hand-made discovery document exercising every rule of the model generator. */
final class Fragment {

  private Fragment() {}

  static final String JSON =
      """
      {
        "kind": "discovery#restDescription",
        "name": "things",
        "version": "v1",
        "title": "Things API",
        "revision": "20240102",
        "rootUrl": "https://things.example.com/",
        "servicePath": "things/v1/",
        "parameters": {
          "$.xgafv": {"type": "string", "location": "query", "enum": ["1", "2"]},
          "key": {"type": "string", "location": "query", "description": "API key."}
        },
        "resources": {
          "things": {
            "methods": {
              "insert": {
                "id": "things.things.insert",
                "httpMethod": "POST",
                "path": "things",
                "parameterOrder": ["part"],
                "parameters": {
                  "part": {"type": "string", "location": "query", "required": true, "repeated": true}
                },
                "request": {"$ref": "Thing"},
                "response": {"$ref": "Thing"},
                "supportsMediaUpload": true,
                "mediaUpload": {
                  "accept": ["image/*"],
                  "maxSize": "2MB",
                  "protocols": {"simple": {"multipart": true, "path": "/upload/things/v1/things"}}
                }
              },
              "list": {
                "id": "things.things.list",
                "httpMethod": "GET",
                "path": "things",
                "response": {"$ref": "ThingListResponse"}
              }
            },
            "resources": {
              "parts": {
                "methods": {
                  "delete": {"id": "things.things.parts.delete", "httpMethod": "DELETE", "path": "parts"}
                }
              }
            }
          }
        },
        "schemas": {
          "Thing": {
            "id": "Thing",
            "type": "object",
            "description": "A thing. Ends a comment */ early, mails a@b.c, has <b>tags</b> & `code`; see [the docs](https://example.com/a?b=1&c=2).",
            "properties": {
              "any": {"type": "any", "description": "Anything."},
              "builder": {"type": "string", "description": "Clashes with builder()."},
              "class": {"type": "string", "description": "A keyword."},
              "content-type": {"type": "string"},
              "count": {"type": "string", "format": "int64"},
              "createdAt": {"type": "string", "format": "date-time"},
              "default": {"$ref": "Thumb", "description": "The default thumb."},
              "flag": {"type": "boolean", "deprecated": true, "description": "Old."},
              "inline": {
                "type": "object",
                "description": "An inline object.",
                "properties": {
                  "mode": {"type": "string", "enum": ["on", "off"]},
                  "note": {"type": "string"}
                }
              },
              "labels": {"type": "object", "additionalProperties": {"type": "string"}},
              "privacyStatus": {
                "type": "string",
                "description": "Who can see it.",
                "enum": ["public", "private", "mostPopular", "1080p", "HTTPServer"],
                "enumDescriptions": ["Everyone.", "Only me.", "", "A resolution.", ""],
                "enumDeprecated": [false, false, false, false, true]
              },
              "ratio": {"type": "number", "format": "double"},
              "reasons": {"type": "array", "items": {"type": "string", "enum": ["spam", "other"]}},
              "size": {"type": "integer", "format": "uint32"},
              "small": {"type": "integer", "format": "int32"},
              "thing": {"type": "string", "enum": ["a"]},
              "thumbs": {"type": "array", "items": {"$ref": "Thumb"}},
              "updated": {"type": "string", "format": "google-datetime"},
              "views": {"type": "string", "format": "uint64"}
            }
          },
          "Thumb": {
            "id": "Thumb",
            "type": "object",
            "properties": {
              "url": {"type": "string"},
              "width": {"type": "integer", "format": "uint32"}
            }
          },
          "ThingListResponse": {
            "id": "ThingListResponse",
            "type": "object",
            "properties": {
              "items": {"type": "array", "items": {"$ref": "Thing"}},
              "nextPageToken": {"type": "string"},
              "pageInfo": {"$ref": "Orphan"}
            }
          },
          "Orphan": {
            "id": "Orphan",
            "type": "object",
            "description": "Only in responses.",
            "properties": {
              "total": {"type": "integer", "format": "int32"}
            }
          },
          "Empty": {"id": "Empty", "type": "object"}
        }
      }
      """;
}
