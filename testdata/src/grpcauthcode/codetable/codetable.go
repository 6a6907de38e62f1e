// Package codetable maps errors to gRPC codes with a table; the token
// package's errors are authentication failures here, where the interceptor
// hands it the bearer token of the call's metadata.
package codetable

import (
	"context"
	"errors"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"tokens/token"
)

var errQuota = errors.New("quota exceeded") // want errQuota:"maps to PermissionDenied at codetable.go:25"

var codeByErr = map[error]codes.Code{
	token.ErrMalformed: codes.Unauthenticated,
	token.ErrSignature: codes.Unauthenticated,
	token.ErrExpired:   codes.PermissionDenied, // want `error-to-code table maps an authentication failure \(ErrExpired, returned when credentials fail\) to PermissionDenied`
	errQuota:           codes.PermissionDenied,
}

func codeOf(err error) codes.Code {
	for e, c := range codeByErr {
		if errors.Is(err, e) {
			return c
		}
	}
	return codes.Internal
}

// Unary verifies the bearer token of every call.
func Unary(s *token.Signer) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		md, _ := metadata.FromIncomingContext(ctx)
		vals := md.Get("authorization")
		if len(vals) == 0 {
			return nil, status.Error(codes.Unauthenticated, "no credentials")
		}
		if _, err := s.Verify(strings.TrimPrefix(vals[0], "Bearer ")); err != nil {
			return nil, status.Error(codeOf(err), err.Error())
		}
		return handler(ctx, req)
	}
}

// denied answers PermissionDenied, whatever it is handed.
func denied(msg string) error {
	return status.Error(codes.PermissionDenied, msg) // want `PermissionDenied in denied answers an authentication failure`
}

// Stream refuses a call without a valid token through denied, and a caller
// without the role through denied too (authorization: silent there).
func Stream(s *token.Signer) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		md, _ := metadata.FromIncomingContext(ss.Context())
		vals := md.Get("authorization")
		if len(vals) == 0 {
			return status.Error(codes.Unauthenticated, "no credentials")
		}
		claims, err := s.Verify(strings.TrimPrefix(vals[0], "Bearer "))
		if err != nil {
			return denied("token rejected")
		}
		if claims.Subject != "ops" {
			return denied("ops only")
		}
		return handler(srv, ss)
	}
}
