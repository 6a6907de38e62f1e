package grpcauthcode_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/grpcauthcode"
	"github.com/authchallenge/authchallenge/passes/internal/benchkit"
)

// BenchmarkGrpcauthcode times the grpcauthcode pass alone on the synthetic module (see
// package benchkit): one package of each kind, the fast path, the module.
//
//	go test -run '^$' -bench . -benchmem ./passes/grpcauthcode
func BenchmarkGrpcauthcode(b *testing.B) { benchkit.Bench(b, grpcauthcode.Analyzer) }
