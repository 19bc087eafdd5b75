// Command breakers replays a scenario file (data/resilience/breaker-scenarios/consecutive-failures.json)
// against package breaker and prints one line per step. It exits with 1 when any step differs
// from the file's expected values, and with 2 when the file cannot be read.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"workbook.example/breakers/breaker"
)

type file struct {
	Format    string     `json:"format"`
	Scenarios []scenario `json:"scenarios"`
}

type scenario struct {
	Name             string  `json:"name"`
	FailureThreshold int     `json:"failureThreshold"`
	ResetTimeout     float64 `json:"resetTimeout"`
	Steps            []step  `json:"steps"`
}

type step struct {
	Time     float64 `json:"time"`
	Outcome  string  `json:"outcome"`
	Admitted bool    `json:"admitted"`
	State    string  `json:"state"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: breakers <scenario.json>")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var f file
	if err := json.Unmarshal(data, &f); err != nil || f.Format != "consecutive-failures/1" {
		fmt.Fprintf(os.Stderr, "%s: not a consecutive-failures/1 file (%v)\n", os.Args[1], err)
		os.Exit(2)
	}
	mismatches, steps := 0, 0
	for _, s := range f.Scenarios {
		b, err := breaker.New(s.FailureThreshold, s.ResetTimeout)
		if err != nil {
			fmt.Fprintf(os.Stderr, "scenario %q: %v\n", s.Name, err)
			os.Exit(2)
		}
		fmt.Printf("scenario: %s\n", s.Name)
		for i, st := range s.Steps {
			admitted := false
			switch st.Outcome {
			case "success", "failure":
				admitted = b.Allow(st.Time)
				if admitted {
					b.Record(st.Time, st.Outcome == "success")
				}
			case "none":
			default:
				fmt.Fprintf(os.Stderr, "scenario %q step %d: unknown outcome %q\n", s.Name, i+1, st.Outcome)
				os.Exit(2)
			}
			state := b.StateAt(st.Time).String()
			verdict := "ok"
			if admitted != st.Admitted || state != st.State {
				verdict = fmt.Sprintf("MISMATCH expected admitted=%t state=%s", st.Admitted, st.State)
				mismatches++
			}
			steps++
			fmt.Printf("  step %d t=%g %s: admitted=%t state=%s %s\n", i+1, st.Time, st.Outcome, admitted, state, verdict)
		}
	}
	fmt.Printf("%d steps, %d mismatches\n", steps, mismatches)
	if mismatches > 0 {
		os.Exit(1)
	}
}
