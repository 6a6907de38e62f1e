// Package segtable answers the verifier's errors with the codes of a
// table; the interceptor hands the verifier the call's bearer token.
package segtable

import (
	"context"
	"errors"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"grpcauthcode/segtable/seg"
)

var errBusy = errors.New("busy") // want errBusy:"maps to PermissionDenied at segtable.go:28"

var codes4 = map[error]codes.Code{
	seg.ErrMalformed: codes.Unauthenticated,
	seg.ErrSignature: codes.Unauthenticated,
	seg.ErrExpired:   codes.PermissionDenied, // want `error-to-code table maps an authentication failure \(ErrExpired`

	seg.ErrAudience: codes.PermissionDenied, // want `error-to-code table maps an authentication failure \(ErrAudience`

	seg.ErrSuspended: codes.PermissionDenied,
	errBusy:          codes.PermissionDenied,
}

func statusOf(err error) error {
	for target, code := range codes4 {
		if errors.Is(err, target) {
			return status.Error(code, err.Error())
		}
	}
	return status.Error(codes.Unauthenticated, "invalid token")
}

// Unary verifies the bearer token of every call.
func Unary(v *seg.Verifier) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		md, _ := metadata.FromIncomingContext(ctx)
		vals := md.Get("authorization")
		if len(vals) == 0 {
			return nil, status.Error(codes.Unauthenticated, "no credentials")
		}
		raw, ok := strings.CutPrefix(vals[0], "Bearer ")
		if !ok {
			return nil, status.Error(codes.Unauthenticated, "bearer token required")
		}
		if _, err := v.Verify(raw); err != nil {
			return nil, statusOf(err)
		}
		return handler(ctx, req)
	}
}
