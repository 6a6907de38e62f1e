// Package tokens is a token library in its own package: what its functions
// do with credentials reaches the packages that call them as facts.
package tokens

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"google.golang.org/grpc/metadata"
)

// ErrExpired is returned only when a presented token is past its expiry:
// an unauthenticated error by where it is returned, whatever its name.
var ErrExpired = errors.New("expired") // want ErrExpired:`unauthenticated`

// ErrQuota is returned when the caller is over its quota, after its token
// checked out: not an authentication failure.
var ErrQuota = errors.New("over quota")

// Claims are a token's claims.
type Claims struct {
	Sub string
	Exp int64
	N   int
}

// FromRequest returns the bearer token of a request, and false when there is
// none.
func FromRequest(r *http.Request) (string, bool) { // want FromRequest:`checks challenge-bearing credentials \(Authorization header\); returns them in results 1`
	return strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// FromMD returns the bearer token of gRPC metadata.
func FromMD(ctx context.Context) (string, error) { // want FromMD:`checks challenge-bearing credentials`
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return "", errors.New("no metadata")
	}
	vals := md.Get("authorization")
	if len(vals) == 0 {
		return "", errors.New("no token")
	}
	return strings.TrimPrefix(vals[0], "Bearer "), nil
}

// Parse checks a token given as s: its parameter is not spelled like a
// credential, and its identity is a string.
func Parse(s string, now int64) (string, error) { // want Parse:`passes parameters through 1`
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return "", errors.New("malformed")
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", err
	}
	var c Claims
	if err := json.Unmarshal(payload, &c); err != nil {
		return "", err
	}
	if c.Exp < now {
		return "", ErrExpired
	}
	return c.Sub, nil
}

// Charge counts a request against the caller's quota.
func Charge(sub string, n int) error {
	if n > 100 {
		return ErrQuota
	}
	return nil
}
