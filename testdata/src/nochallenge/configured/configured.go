package configured

import (
	"net/http"
)

// Routes mounts the handlers.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/lfs", lfs)
	mux.HandleFunc("/s3", S3Handler)
	mux.HandleFunc("/reply", reply)
	mux.HandleFunc("/other", other)
}

// lfs answers with the challenge header Git LFS clients read
// (-challenge-headers=LFS-Authenticate).
func lfs(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("LFS-Authenticate", `Basic realm="Git LFS"`)
	w.WriteHeader(http.StatusUnauthorized)
}

// S3Handler answers by protocol (-exempt=nochallenge/configured.S3Handler).
func S3Handler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized)
}

// Reply is a status helper the analysis is told about
// (-status-helpers=nochallenge/configured.Reply); its body is out of sight.
func Reply(w http.ResponseWriter, code int, body string)

func reply(w http.ResponseWriter, r *http.Request) {
	Reply(w, http.StatusUnauthorized, "login first") // want `401 response without`
}

func other(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Authenticate", "no")
	w.WriteHeader(http.StatusUnauthorized) // want `401 response without`
}
