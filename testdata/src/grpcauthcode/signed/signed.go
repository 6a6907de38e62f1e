// Package signed: a gRPC interceptor over a verifier of signed tokens in
// another package, whose errors a helper turns into codes.
package signed

import (
	"context"
	"errors"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"failure/tokens"
)

var verifier = &tokens.Signed{Key: []byte("k")}

// codeOf turns the verifier's errors into statuses.
func codeOf(err error) error {
	switch {
	case errors.Is(err, tokens.ErrStale):
		return status.Error(codes.PermissionDenied, "token expired") // want `PermissionDenied answers an authentication failure \(the error is ErrStale\)`
	case errors.Is(err, tokens.ErrNotStaff):
		return status.Error(codes.PermissionDenied, "staff only") // silent: the caller is known and may not act
	}
	return status.Error(codes.Unauthenticated, "invalid token")
}

// Unary checks the token of every call.
func Unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	tok, err := tokens.FromMD(ctx)
	if err != nil {
		return nil, status.Error(codes.Unauthenticated, "no token")
	}
	if _, err := verifier.Check(tok, time.Now().Unix()); err != nil {
		return nil, codeOf(err)
	}
	return handler(ctx, req)
}

// Quota answers an exhausted quota after the token checked out.
func Quota(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	tok, err := tokens.FromMD(ctx)
	if err != nil {
		return nil, status.Error(codes.Unauthenticated, "no token")
	}
	c, err := verifier.Check(tok, time.Now().Unix())
	if err != nil {
		return nil, status.Error(codes.Unauthenticated, "invalid token")
	}
	if c.N > 10 {
		return nil, status.Error(codes.PermissionDenied, "over quota") // silent: after a successful authentication
	}
	return handler(ctx, req)
}
