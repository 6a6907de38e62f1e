package chain_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/internal/benchkit"
)

// BenchmarkChain times the chain pass alone on the synthetic module (see
// package benchkit): one package of each kind, the fast path, the module.
//
//	go test -run '^$' -bench . -benchmem ./passes/chain
func BenchmarkChain(b *testing.B) { benchkit.Bench(b, chain.Analyzer) }
