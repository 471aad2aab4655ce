package io.github.jyoutube.codegen;

/**
 * A small hand-made discovery document exercising every rule of the model and resource generators.
 */
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
                "description": "Lists *things*, possibly filtered.",
                "parameterOrder": ["part"],
                "parameters": {
                  "id": {"type": "string", "location": "query", "repeated": true, "description": "Only the things with these IDs for Stubby or Apiary."},
                  "maxResults": {"type": "integer", "format": "uint32", "location": "query", "minimum": "0", "maximum": "50", "default": "5", "description": "The *maxResults* parameter specifies the maximum number of items that should be returned in the result set."},
                  "mine": {"type": "boolean", "location": "query"},
                  "order": {
                    "type": "string",
                    "location": "query",
                    "default": "date",
                    "description": "Sort order. The API sorts by date unless told otherwise.",
                    "enum": ["orderUnspecified", "date", "viewCount", "2d"],
                    "enumDescriptions": ["", "By date, newest first.", "By views.", "Flat ones."]
                  },
                  "pageToken": {"type": "string", "location": "query"},
                  "part": {"type": "string", "location": "query", "required": true, "repeated": true, "description": "The *part* parameter specifies a comma-separated list of one or more thing resource properties that the API response will include. If the parameter identifies a property that contains child properties, the child properties will be included."},
                  "publishedAfter": {"type": "string", "format": "date-time", "location": "query", "description": "Only things published after this time."},
                  "size": {"type": "integer", "format": "int32", "location": "query", "deprecated": true}
                },
                "response": {"$ref": "ThingListResponse"}
              },
              "delete": {
                "id": "things.things.delete",
                "httpMethod": "DELETE",
                "path": "things",
                "description": "Deletes a thing.",
                "parameterOrder": ["id"],
                "parameters": {
                  "id": {"type": "string", "location": "query", "required": true}
                },
                "scopes": ["https://www.googleapis.com/auth/things", "https://www.googleapis.com/auth/things.force-ssl"]
              },
              "download": {
                "id": "things.things.download",
                "httpMethod": "GET",
                "path": "things/{id}",
                "parameterOrder": ["id"],
                "parameters": {
                  "id": {"type": "string", "location": "path", "required": true, "description": "The thing to download."},
                  "tfmt": {"type": "string", "location": "query"}
                },
                "supportsMediaDownload": true,
                "useMediaDownloadService": true,
                "scopes": ["https://www.googleapis.com/auth/things.force-ssl"]
              },
              "moderate": {
                "id": "things.things.moderate",
                "httpMethod": "POST",
                "path": "things/moderate",
                "parameterOrder": ["id", "status"],
                "parameters": {
                  "banAuthor": {"type": "boolean", "location": "query", "default": "false"},
                  "id": {"type": "string", "location": "query", "required": true, "repeated": true},
                  "order": {"type": "string", "location": "query", "enum": ["newest", "oldest"]},
                  "status": {"type": "string", "location": "query", "required": true, "enum": ["published", "rejected"]}
                }
              }
            },
            "resources": {
              "parts": {
                "methods": {
                  "delete": {"id": "things.things.parts.delete", "httpMethod": "DELETE", "path": "parts"}
                }
              },
              "v1": {
                "resources": {
                  "things": {
                    "methods": {
                      "stream": {
                        "id": "things.things.v1.things.stream",
                        "httpMethod": "GET",
                        "path": "things/stream",
                        "description": "Streams things.",
                        "parameters": {
                          "maxResults": {"type": "integer", "format": "uint32", "location": "query", "minimum": "200", "maximum": "2000"},
                          "pageToken": {"type": "string", "location": "query"},
                          "part": {"type": "string", "location": "query", "repeated": true}
                        },
                        "response": {"$ref": "ThingListResponse"}
                      }
                    }
                  }
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
