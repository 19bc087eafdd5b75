//go:build seedrace

// The race in the seed's breaker, shown by the race detector: run
//
//	go test -race -tags seedrace ./seed
//
// and it FAILS with "WARNING: DATA RACE" naming beforeCall (the read) and afterCall (the write).
// It is behind a build tag so that `go test -race ./...` checks only the fixed breaker.
package seed

import (
	"errors"
	"sync"
	"testing"
)

func TestSeedBreaker_ReadsLastFailureTimeOutsideTheLock(t *testing.T) {
	cb := NewCircuitBreaker("seed", 1, 0) // opens on every failure; a zero timeout re-probes at once
	fail := errors.New("dependency down")
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				_ = cb.Execute(func() error { return fail })
			}
		}()
	}
	wg.Wait()
}
