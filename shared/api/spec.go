package api

import (
	"bytes"
	_ "embed"
)

//go:embed openapi.yaml
var openAPI []byte

// OpenAPI is the API's contract, openapi.yaml (OpenAPI 3.1).
func OpenAPI() []byte { return bytes.Clone(openAPI) }
