// Context of the nochallenge doc's carrier example: an OAuth 2 token
// endpoint's error type, which carries its status, and the helper that
// writes it; the example builds the 401 and answers with it.
package example

import (
	"encoding/json"
	"net/http"
)

// protoError is an OAuth 2 error response (RFC 6749 §5.2).
type protoError struct {
	Name   string `json:"error"`
	Status int    `json:"-"`
}

// writeProtoError answers with err's status and its JSON body.
func writeProtoError(w http.ResponseWriter, err *protoError) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(err.Status)
	_ = json.NewEncoder(w).Encode(err)
}

func Token(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		//docs:example
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
