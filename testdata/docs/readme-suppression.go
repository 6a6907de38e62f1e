// Context of the README's suppression example: a forward-auth endpoint that
// answers the proxy in front of it. The directive must silence the finding
// and be used (an unused directive is reported).
package example

import "net/http"

func Verify(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		//docs:example
		return
	}
	w.WriteHeader(http.StatusOK)
}
