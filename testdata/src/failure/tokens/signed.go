package tokens

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
)

// ErrStale is returned only for a signed token past its expiry, once its
// signature checked out: the token's validity in time is still a check of
// the credential.
var ErrStale = errors.New("stale") // want ErrStale:`unauthenticated`

// ErrNotStaff is returned when a signed token's subject is not on the staff
// list: a condition on who the caller is, after the token checked out.
var ErrNotStaff = errors.New("not staff")

// Signed is a verifier of HMAC-signed tokens.
type Signed struct {
	Key   []byte
	Staff string
}

// Check verifies the signature of a token given as raw, then its claims.
func (s *Signed) Check(raw string, now int64) (*Claims, error) {
	payload, sig, ok := strings.Cut(raw, ".")
	if !ok {
		return nil, errors.New("malformed")
	}
	m := hmac.New(sha256.New, s.Key)
	m.Write([]byte(payload))
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(got, m.Sum(nil)) {
		return nil, errors.New("bad signature")
	}
	body, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return nil, errors.New("malformed")
	}
	var c Claims
	if err := json.Unmarshal(body, &c); err != nil {
		return nil, err
	}
	if now >= c.Exp {
		return nil, ErrStale
	}
	if c.Sub != "staff" {
		return nil, ErrNotStaff
	}
	return &c, nil
}
