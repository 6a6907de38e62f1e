package suppress

import "net/http"

// Routes mounts the handlers.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/a", lineAbove)
	mux.HandleFunc("/b", sameLine)
	mux.HandleFunc("/c", wholeFunction)
	mux.HandleFunc("/d", noReason)
	mux.HandleFunc("/e", unknownRule)
	mux.HandleFunc("/f", viaHelper)
	mux.HandleFunc("/g", unused)
}

func lineAbove(w http.ResponseWriter, r *http.Request) {
	//authchallenge:ignore nochallenge forward-auth endpoint: the proxy adds the challenge
	w.WriteHeader(http.StatusUnauthorized)
}

func sameLine(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized) //authchallenge:ignore nochallenge login form re-rendered with 401
}

// wholeFunction answers a proxy that adds the challenge itself.
//
//authchallenge:ignore nochallenge the gateway in front adds WWW-Authenticate
func wholeFunction(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	http.Error(w, "bad token", http.StatusUnauthorized)
}

func noReason(w http.ResponseWriter, r *http.Request) {
	//authchallenge:ignore nochallenge // want `authchallenge:ignore directive without a reason`
	w.WriteHeader(http.StatusUnauthorized) // want `401 response without`
}

func unknownRule(w http.ResponseWriter, r *http.Request) {
	//authchallenge:ignore nochalenge typo in the rule name // want `malformed authchallenge:ignore directive: unknown rule "nochalenge"`
	w.WriteHeader(http.StatusUnauthorized) // want `401 response without`
}

func deny(w http.ResponseWriter) {
	w.WriteHeader(http.StatusUnauthorized) //authchallenge:ignore nochallenge S3-style protocol answer
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	deny(w) // silent: suppressed where the helper writes it
}

func unused(w http.ResponseWriter, r *http.Request) {
	//authchallenge:ignore nochallenge nothing to suppress here // want `unused authchallenge:ignore directive: nochallenge reports nothing here`
	w.WriteHeader(http.StatusForbidden)
}

//authchallenge:ignorenochallenge glued // want `malformed authchallenge:ignore directive: want //authchallenge:ignore rule\[,rule\] reason`
