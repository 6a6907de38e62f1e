// Package mtls answers a missing client certificate with 403: mutual TLS
// has no challenge to send, and no header would help.
package mtls

import "net/http"

// Internal serves callers with a client certificate of a known service.
func Internal(services map[string]bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.TLS == nil || len(r.TLS.VerifiedChains) == 0 {
			http.Error(w, "client certificate required", http.StatusForbidden)
			return
		}
		if !services[r.TLS.VerifiedChains[0][0].Subject.CommonName] {
			http.Error(w, "unknown service", http.StatusForbidden)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}
