// Package grpcauth authenticates gRPC calls with apperr's errors, whose
// codes carry HTTP statuses: a function handed to the interceptor library
// answers with a gRPC status, not with an HTTP response, so no 401 here is
// nochallenge's.
package grpcauth

import (
	"context"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"google.golang.org/grpc"

	"kindtable/apperr"
)

// ServiceToken checks the callers' bearer tokens.
func ServiceToken(verify func(string) error) auth.AuthFunc {
	return func(ctx context.Context) (context.Context, error) {
		tok, err := auth.AuthFromMD(ctx, "bearer")
		if err != nil {
			return nil, err
		}
		if err := verify(tok); err != nil {
			return nil, apperr.Wrap(apperr.CodeUnauthenticated, "bad token", err) // silent: answered as a gRPC status
		}
		return ctx, nil
	}
}

// Interceptor installs it.
func Interceptor(verify func(string) error) grpc.UnaryServerInterceptor {
	return auth.UnaryServerInterceptor(ServiceToken(verify))
}
