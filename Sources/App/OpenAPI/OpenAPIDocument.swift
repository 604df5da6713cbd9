// The OpenAPI 3.1 description of the HTTP API. Tests check that its paths and methods are exactly the
// routes the server registers, and that real answers validate against its schemas.

enum OpenAPIDocument {
    static let json = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "Agora API",
  "version": "1.0.0",
  "description": "Areas, institutions and the competent-body question of an infrastructure for peace. Writes need `Authorization: Bearer <admin token>`.",
  "license": {
   "name": "Apache-2.0",
   "identifier": "Apache-2.0"
  }
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "components": {
  "securitySchemes": {
   "adminToken": {
    "type": "http",
    "scheme": "bearer",
    "description": "The installation's AGORA_ADMIN_TOKEN (the demo prints one)."
   }
  },
  "schemas": {
   "Error": {
    "type": "object",
    "required": [
     "error",
     "reason",
     "issues"
    ],
    "properties": {
     "error": {
      "type": "string",
      "description": "validation, bad_request, not_found, conflict, unauthorized, forbidden, server_error"
     },
     "reason": {
      "type": "string"
     },
     "field": {
      "type": "string"
     },
     "issues": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "field",
        "message"
       ],
       "properties": {
        "field": {
         "type": "string"
        },
        "message": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "Health": {
    "type": "object",
    "required": [
     "status"
    ],
    "properties": {
     "status": {
      "type": "string"
     },
     "database": {
      "type": "string"
     },
     "detail": {
      "type": "string"
     }
    }
   },
   "Point": {
    "type": "object",
    "required": [
     "lat",
     "lon"
    ],
    "properties": {
     "lat": {
      "type": "number",
      "minimum": -90,
      "maximum": 90
     },
     "lon": {
      "type": "number",
      "minimum": -180,
      "maximum": 180
     }
    }
   },
   "Area": {
    "type": "object",
    "required": [
     "code",
     "name",
     "names",
     "level",
     "country",
     "hasGeometry",
     "createdAt",
     "updatedAt"
    ],
    "properties": {
     "code": {
      "type": "string",
      "description": "ISO 3166 alpha-3 for a country, P-code below"
     },
     "name": {
      "type": "string"
     },
     "names": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "level": {
      "type": "string",
      "enum": [
       "country",
       "admin1",
       "admin2",
       "community"
      ]
     },
     "parent": {
      "type": "string"
     },
     "country": {
      "type": "string"
     },
     "centroid": {
      "type": "object",
      "required": [
       "lat",
       "lon"
      ],
      "properties": {
       "lat": {
        "type": "number",
        "minimum": -90,
        "maximum": 90
       },
       "lon": {
        "type": "number",
        "minimum": -180,
        "maximum": 180
       }
      }
     },
     "bbox": {
      "type": "array",
      "items": {
       "type": "number"
      },
      "minItems": 4,
      "maxItems": 4
     },
     "hasGeometry": {
      "type": "boolean"
     },
     "source": {
      "type": "string"
     },
     "createdAt": {
      "type": "string"
     },
     "updatedAt": {
      "type": "string"
     },
     "geometry": {
      "type": "object",
      "description": "GeoJSON MultiPolygon, with ?geometry=true"
     }
    }
   },
   "AreaInput": {
    "type": "object",
    "properties": {
     "code": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "names": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "level": {
      "type": "string",
      "enum": [
       "country",
       "admin1",
       "admin2",
       "community"
      ]
     },
     "parent": {
      "type": "string"
     },
     "centroid": {
      "type": "object",
      "required": [
       "lat",
       "lon"
      ],
      "properties": {
       "lat": {
        "type": "number",
        "minimum": -90,
        "maximum": 90
       },
       "lon": {
        "type": "number",
        "minimum": -180,
        "maximum": 180
       }
      }
     },
     "geometry": {
      "type": "object",
      "description": "GeoJSON Polygon or MultiPolygon"
     }
    },
    "description": "code, name and level are required when creating."
   },
   "AreaRef": {
    "type": "object",
    "required": [
     "code",
     "name",
     "level"
    ],
    "properties": {
     "code": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "level": {
      "type": "string"
     }
    }
   },
   "AreaPage": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Area"
      }
     },
     "nextCursor": {
      "type": "string",
      "description": "Pass as `cursor` for the next page; absent on the last page."
     }
    }
   },
   "Lookup": {
    "type": "object",
    "required": [
     "lat",
     "lon",
     "path",
     "containing"
    ],
    "properties": {
     "lat": {
      "type": "number"
     },
     "lon": {
      "type": "number"
     },
     "area": {
      "$ref": "#/components/schemas/AreaRef"
     },
     "path": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AreaRef"
      }
     },
     "containing": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AreaRef"
      }
     }
    }
   },
   "Neighbour": {
    "type": "object",
    "required": [
     "area",
     "kind",
     "crossBorder"
    ],
    "properties": {
     "area": {
      "$ref": "#/components/schemas/AreaRef"
     },
     "kind": {
      "type": "string",
      "enum": [
       "computed",
       "declared"
      ]
     },
     "crossBorder": {
      "type": "boolean"
     }
    }
   },
   "Body": {
    "type": "object",
    "required": [
     "code",
     "name",
     "names",
     "level",
     "kind",
     "worldwide",
     "jurisdiction",
     "topics",
     "partners",
     "composition",
     "memberCount",
     "createdAt",
     "updatedAt"
    ],
    "properties": {
     "code": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "names": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "level": {
      "type": "string",
      "enum": [
       "community",
       "district",
       "region",
       "national",
       "sub-regional",
       "continental",
       "global"
      ]
     },
     "kind": {
      "type": "string",
      "enum": [
       "peace-council",
       "peace-committee",
       "early-warning-centre",
       "cso-network",
       "ministry",
       "state-agency",
       "regional-organisation",
       "organ",
       "un-body"
      ]
     },
     "organisation": {
      "type": "string"
     },
     "parent": {
      "type": "string"
     },
     "legalBasis": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "website": {
      "type": "string"
     },
     "worldwide": {
      "type": "boolean"
     },
     "jurisdiction": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "topics": {
      "type": "array",
      "items": {
       "type": "string",
       "enum": [
        "early-warning",
        "response",
        "mediation",
        "dialogue",
        "small-arms",
        "ddr",
        "security-sector-reform",
        "elections",
        "natural-resources",
        "humanitarian",
        "human-rights",
        "cso-engagement"
       ]
      }
     },
     "partners": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "composition": {
      "type": "object",
      "additionalProperties": {
       "type": "integer"
      }
     },
     "memberCount": {
      "type": "integer"
     },
     "createdAt": {
      "type": "string"
     },
     "updatedAt": {
      "type": "string"
     }
    }
   },
   "BodyInput": {
    "type": "object",
    "required": [
     "code",
     "name",
     "level",
     "kind",
     "jurisdiction",
     "topics"
    ],
    "properties": {
     "code": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "names": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "level": {
      "type": "string",
      "enum": [
       "community",
       "district",
       "region",
       "national",
       "sub-regional",
       "continental",
       "global"
      ]
     },
     "kind": {
      "type": "string",
      "enum": [
       "peace-council",
       "peace-committee",
       "early-warning-centre",
       "cso-network",
       "ministry",
       "state-agency",
       "regional-organisation",
       "organ",
       "un-body"
      ]
     },
     "organisation": {
      "type": "string"
     },
     "parent": {
      "type": "string"
     },
     "legalBasis": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "website": {
      "type": "string"
     },
     "jurisdiction": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "worldwide": {
      "type": "boolean"
     },
     "topics": {
      "type": "array",
      "items": {
       "type": "string",
       "enum": [
        "early-warning",
        "response",
        "mediation",
        "dialogue",
        "small-arms",
        "ddr",
        "security-sector-reform",
        "elections",
        "natural-resources",
        "humanitarian",
        "human-rights",
        "cso-engagement"
       ]
      }
     },
     "partners": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    }
   },
   "BodyPatch": {
    "type": "object",
    "description": "Any field of BodyInput except code; what is sent replaces what is stored."
   },
   "BodyRef": {
    "type": "object",
    "required": [
     "code",
     "name",
     "level"
    ],
    "properties": {
     "code": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "level": {
      "type": "string"
     }
    }
   },
   "BodyPage": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Body"
      }
     },
     "nextCursor": {
      "type": "string",
      "description": "Pass as `cursor` for the next page; absent on the last page."
     }
    }
   },
   "Competent": {
    "type": "object",
    "required": [
     "area",
     "areaPath",
     "topic",
     "chain",
     "explanation"
    ],
    "properties": {
     "area": {
      "$ref": "#/components/schemas/AreaRef"
     },
     "areaPath": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AreaRef"
      }
     },
     "topic": {
      "type": "string",
      "enum": [
       "early-warning",
       "response",
       "mediation",
       "dialogue",
       "small-arms",
       "ddr",
       "security-sector-reform",
       "elections",
       "natural-resources",
       "humanitarian",
       "human-rights",
       "cso-engagement"
      ]
     },
     "competent": {
      "$ref": "#/components/schemas/BodyRef"
     },
     "chain": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/BodyRef"
      }
     },
     "explanation": {
      "type": "string"
     }
    }
   },
   "Organisation": {
    "type": "object",
    "required": [
     "code",
     "name",
     "kind",
     "createdAt",
     "updatedAt"
    ],
    "properties": {
     "code": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "kind": {
      "type": "string",
      "enum": [
       "cso",
       "government",
       "regional",
       "un",
       "private",
       "traditional",
       "religious"
      ]
     },
     "country": {
      "type": "string"
     },
     "website": {
      "type": "string"
     },
     "createdAt": {
      "type": "string"
     },
     "updatedAt": {
      "type": "string"
     }
    }
   },
   "OrganisationInput": {
    "type": "object",
    "required": [
     "code",
     "name",
     "kind"
    ],
    "properties": {
     "code": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "kind": {
      "type": "string",
      "enum": [
       "cso",
       "government",
       "regional",
       "un",
       "private",
       "traditional",
       "religious"
      ]
     },
     "country": {
      "type": "string"
     },
     "website": {
      "type": "string"
     }
    }
   },
   "OrganisationPage": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Organisation"
      }
     },
     "nextCursor": {
      "type": "string",
      "description": "Pass as `cursor` for the next page; absent on the last page."
     }
    }
   },
   "Member": {
    "type": "object",
    "required": [
     "id",
     "body",
     "name",
     "categories"
    ],
    "properties": {
     "id": {
      "type": "string"
     },
     "body": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "organisation": {
      "type": "string"
     },
     "categories": {
      "type": "array",
      "items": {
       "type": "string",
       "enum": [
        "state",
        "cso",
        "traditional",
        "religious",
        "women",
        "youth",
        "private-sector"
       ]
      }
     },
     "role": {
      "type": "string"
     },
     "since": {
      "type": "string"
     }
    }
   },
   "MemberInput": {
    "type": "object",
    "required": [
     "name",
     "categories"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "organisation": {
      "type": "string"
     },
     "categories": {
      "type": "array",
      "items": {
       "type": "string",
       "enum": [
        "state",
        "cso",
        "traditional",
        "religious",
        "women",
        "youth",
        "private-sector"
       ]
      }
     },
     "role": {
      "type": "string"
     },
     "since": {
      "type": "string"
     }
    }
   },
   "NeighbourInput": {
    "type": "object",
    "required": [
     "neighbour"
    ],
    "properties": {
     "neighbour": {
      "type": "string"
     }
    }
   }
  }
 },
 "paths": {
  "/healthz": {
   "get": {
    "operationId": "health",
    "summary": "The process answers",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Health"
        }
       }
      }
     }
    }
   }
  },
  "/readyz": {
   "get": {
    "operationId": "ready",
    "summary": "The store answers and is migrated",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Health"
        }
       }
      }
     },
     "503": {
      "description": "Not ready",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Health"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/openapi.json": {
   "get": {
    "operationId": "openapi",
    "summary": "This document",
    "responses": {
     "200": {
      "description": "OpenAPI 3.1 document",
      "content": {
       "application/json": {}
      }
     }
    }
   }
  },
  "/api/v1/areas": {
   "get": {
    "operationId": "listAreas",
    "summary": "List areas",
    "parameters": [
     {
      "name": "level",
      "in": "query",
      "required": false,
      "description": "Area level",
      "schema": {
       "type": "string",
       "enum": [
        "country",
        "admin1",
        "admin2",
        "community"
       ]
      }
     },
     {
      "name": "parent",
      "in": "query",
      "required": false,
      "description": "Parent area code",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "country",
      "in": "query",
      "required": false,
      "description": "ISO3 country code",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "q",
      "in": "query",
      "required": false,
      "description": "Text in the name",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 50
      }
     },
     {
      "name": "cursor",
      "in": "query",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AreaPage"
        }
       }
      }
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   },
   "post": {
    "operationId": "createArea",
    "summary": "Create an area",
    "security": [
     {
      "adminToken": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AreaInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Created",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Area"
        }
       }
      }
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/areas/lookup": {
   "get": {
    "operationId": "lookupArea",
    "summary": "Which areas contain a point",
    "parameters": [
     {
      "name": "lat",
      "in": "query",
      "required": true,
      "description": "Latitude, decimal degrees",
      "schema": {
       "type": "number"
      }
     },
     {
      "name": "lon",
      "in": "query",
      "required": true,
      "description": "Longitude, decimal degrees",
      "schema": {
       "type": "number"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Lookup"
        }
       }
      }
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/areas/{code}": {
   "parameters": [
    {
     "name": "code",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     }
    }
   ],
   "get": {
    "operationId": "getArea",
    "summary": "One area",
    "parameters": [
     {
      "name": "geometry",
      "in": "query",
      "required": false,
      "description": "Include the GeoJSON geometry",
      "schema": {
       "type": "boolean"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Area"
        }
       }
      }
     },
     "404": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   },
   "patch": {
    "operationId": "updateArea",
    "summary": "Change an area's name, names, parent, centroid or geometry",
    "security": [
     {
      "adminToken": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AreaInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Area"
        }
       }
      }
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/areas/{code}/neighbours": {
   "parameters": [
    {
     "name": "code",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     }
    }
   ],
   "get": {
    "operationId": "areaNeighbours",
    "summary": "Areas whose borders touch this one, across country borders too",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Neighbour"
         }
        }
       }
      }
     },
     "404": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   },
   "post": {
    "operationId": "declareNeighbour",
    "summary": "Declare a neighbour",
    "security": [
     {
      "adminToken": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/NeighbourInput"
       }
      }
     }
    },
    "responses": {
     "204": {
      "description": "Declared"
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/bodies": {
   "get": {
    "operationId": "listBodies",
    "summary": "List bodies",
    "parameters": [
     {
      "name": "level",
      "in": "query",
      "required": false,
      "description": "Body level",
      "schema": {
       "type": "string",
       "enum": [
        "community",
        "district",
        "region",
        "national",
        "sub-regional",
        "continental",
        "global"
       ]
      }
     },
     {
      "name": "kind",
      "in": "query",
      "required": false,
      "description": "Kind of body",
      "schema": {
       "type": "string",
       "enum": [
        "peace-council",
        "peace-committee",
        "early-warning-centre",
        "cso-network",
        "ministry",
        "state-agency",
        "regional-organisation",
        "organ",
        "un-body"
       ]
      }
     },
     {
      "name": "topic",
      "in": "query",
      "required": false,
      "description": "Mandate topic",
      "schema": {
       "type": "string",
       "enum": [
        "early-warning",
        "response",
        "mediation",
        "dialogue",
        "small-arms",
        "ddr",
        "security-sector-reform",
        "elections",
        "natural-resources",
        "humanitarian",
        "human-rights",
        "cso-engagement"
       ]
      }
     },
     {
      "name": "area",
      "in": "query",
      "required": false,
      "description": "Bodies whose jurisdiction covers this area",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "parent",
      "in": "query",
      "required": false,
      "description": "Parent body code",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "organisation",
      "in": "query",
      "required": false,
      "description": "Organisation code",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "q",
      "in": "query",
      "required": false,
      "description": "Text in the name",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 50
      }
     },
     {
      "name": "cursor",
      "in": "query",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/BodyPage"
        }
       }
      }
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   },
   "post": {
    "operationId": "createBody",
    "summary": "Create a body",
    "security": [
     {
      "adminToken": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/BodyInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Created",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Body"
        }
       }
      }
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/bodies/competent": {
   "get": {
    "operationId": "competentBody",
    "summary": "Which body is competent for this area and topic, and the chain upward",
    "parameters": [
     {
      "name": "area",
      "in": "query",
      "required": true,
      "description": "Area code",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "topic",
      "in": "query",
      "required": true,
      "description": "Topic",
      "schema": {
       "type": "string",
       "enum": [
        "early-warning",
        "response",
        "mediation",
        "dialogue",
        "small-arms",
        "ddr",
        "security-sector-reform",
        "elections",
        "natural-resources",
        "humanitarian",
        "human-rights",
        "cso-engagement"
       ]
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Competent"
        }
       }
      }
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/bodies/{code}": {
   "parameters": [
    {
     "name": "code",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     }
    }
   ],
   "get": {
    "operationId": "getBody",
    "summary": "One body",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Body"
        }
       }
      }
     },
     "404": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   },
   "patch": {
    "operationId": "updateBody",
    "summary": "Change a body",
    "security": [
     {
      "adminToken": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/BodyPatch"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Body"
        }
       }
      }
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/bodies/{code}/members": {
   "parameters": [
    {
     "name": "code",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     }
    }
   ],
   "get": {
    "operationId": "bodyMembers",
    "summary": "The people sitting on a body (names: admin only)",
    "security": [
     {
      "adminToken": []
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Member"
         }
        }
       }
      }
     },
     "401": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   },
   "post": {
    "operationId": "addMember",
    "summary": "Seat a member",
    "security": [
     {
      "adminToken": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/MemberInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Created",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Member"
        }
       }
      }
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/organisations": {
   "get": {
    "operationId": "listOrganisations",
    "summary": "List organisations",
    "parameters": [
     {
      "name": "kind",
      "in": "query",
      "required": false,
      "description": "Kind",
      "schema": {
       "type": "string",
       "enum": [
        "cso",
        "government",
        "regional",
        "un",
        "private",
        "traditional",
        "religious"
       ]
      }
     },
     {
      "name": "limit",
      "in": "query",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 50
      }
     },
     {
      "name": "cursor",
      "in": "query",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OrganisationPage"
        }
       }
      }
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   },
   "post": {
    "operationId": "createOrganisation",
    "summary": "Create an organisation",
    "security": [
     {
      "adminToken": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/OrganisationInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Created",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Organisation"
        }
       }
      }
     },
     "400": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/organisations/{code}": {
   "parameters": [
    {
     "name": "code",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     }
    }
   ],
   "get": {
    "operationId": "getOrganisation",
    "summary": "One organisation",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Organisation"
        }
       }
      }
     },
     "404": {
      "description": "Error, naming the field at fault",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  }
 }
}
"""#
}
