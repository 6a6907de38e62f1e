// Context of the README's nochallenge examples: the body of a net/http
// handler.
package example

import "net/http"

func Handler(w http.ResponseWriter, r *http.Request) {
	//docs:example
	w.WriteHeader(http.StatusNoContent)
}
