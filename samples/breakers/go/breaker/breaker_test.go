package breaker

import (
	"sync"
	"sync/atomic"
	"testing"
)

// Many goroutines hammer one breaker that is open with its timeout passed: exactly one of them
// may become the probe. Run with -race: every shared field is touched only under the mutex.
func TestHalfOpen_AdmitsExactlyOneProbe(t *testing.T) {
	for round := 0; round < 200; round++ {
		b, err := New(1, 1)
		if err != nil {
			t.Fatal(err)
		}
		b.Allow(0)
		b.Record(0, false) // opens at t = 0
		var admitted int32
		var wg sync.WaitGroup
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if b.Allow(5) {
					atomic.AddInt32(&admitted, 1)
				}
			}()
		}
		wg.Wait()
		if admitted != 1 {
			t.Fatalf("round %d: %d probes admitted, want 1", round, admitted)
		}
	}
}

// Concurrent failing calls in the closed state: the count adds up, and the breaker opens once.
func TestConcurrentFailures_OpenAtTheThreshold(t *testing.T) {
	b, err := New(1000, 60)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 249; i++ {
				if b.Allow(0) {
					b.Record(0, false)
				}
			}
		}()
	}
	wg.Wait()
	// 4 x 249 = 996 failures: below the threshold, still closed, count exact.
	if s := b.StateAt(0); s != Closed || b.failures != 996 {
		t.Fatalf("after 996 failures: state %v, count %d; want closed, 996", s, b.failures)
	}
	for i := 0; i < 4; i++ {
		b.Allow(0)
		b.Record(0, false)
	}
	if s := b.StateAt(0); s != Open {
		t.Fatalf("after 1000 failures: state %v, want open", s)
	}
}

func TestNew_RejectsBadOptions(t *testing.T) {
	if _, err := New(0, 1); err == nil {
		t.Error("threshold 0 accepted")
	}
	if _, err := New(1, 0); err == nil {
		t.Error("reset timeout 0 accepted")
	}
}
