// Package kinds answers through the team's error type, whose constructors
// look the status up by kind: a call with a constant kind builds an error
// of that kind's status, and no other.
package kinds

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"authforbidden/kinds/apperr"
)

var tokens = map[string]string{}

// Authenticate reads the bearer token; an unknown one is answered with a
// 403 through the table (KindTokenExpired is 403 there).
func Authenticate(r *http.Request) (string, error) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return "", apperr.New(apperr.KindUnauthenticated, "bearer token required")
	}
	sub, ok := tokens[tok]
	if !ok {
		return "", apperr.Wrap(apperr.KindTokenExpired, "token expired", errors.New("unknown")) // the mapping that sets its 403 is reported (apperr.go:24): the same cause
	}
	return sub, nil
}

// Delete refuses a known caller: Forbidden is 403 only, never the table's
// 401, so nochallenge has nothing to say of it either.
func Delete(w http.ResponseWriter, r *http.Request) {
	sub, err := Authenticate(r)
	if err != nil {
		apperr.Write(w, err)
		return
	}
	if sub != "admin" {
		apperr.Write(w, apperr.Forbidden("admins only"))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Unary answers over gRPC: the error's HTTP status is not what a gRPC
// client gets (its code is), so an HTTP 403 it carries is no answer here.
func Unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md.Get("authorization")) == 0 {
		return nil, apperr.New(apperr.KindTokenExpired, "token required")
	}
	return handler(ctx, req)
}
