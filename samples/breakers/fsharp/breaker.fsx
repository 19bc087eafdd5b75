// The beginner circuit breaker in F#: it opens after failureThreshold consecutive failures and lets
// one probe through once resetTimeout seconds have passed. A breaker is an immutable value; each call
// returns the next breaker, so there is no shared state to lock. Time is logical (seconds passed in).
// replay reads a scenario file such as data/resilience/breaker-scenarios/consecutive-failures.json.
open System.Text.Json

type State = Closed | Open | HalfOpen

type Breaker =
    { FailureThreshold: int; ResetTimeout: float; State: State; Failures: int; OpenedAt: float }

let create threshold timeout =
    if threshold < 1 then invalidArg "threshold" (sprintf "a whole number >= 1; got %d" threshold)
    if not (timeout > 0.0 && System.Double.IsFinite timeout) then invalidArg "timeout" (sprintf "a finite number of seconds > 0; got %g" timeout)
    { FailureThreshold = threshold; ResetTimeout = timeout; State = Closed; Failures = 0; OpenedAt = 0.0 }

/// The state read at now: an open breaker whose timeout has passed reads as half-open.
let stateAt now b =
    if b.State = Open && now - b.OpenedAt >= b.ResetTimeout then HalfOpen else b.State

/// May a call at now go through? The first call after the timeout is the probe.
let allow now b =
    match stateAt now b with
    | Closed -> true, b
    | HalfOpen when b.State = Open -> true, { b with State = HalfOpen }
    | _ -> false, b

/// Records the outcome of an allowed call; an outcome arriving while open changes nothing.
let record now succeeded b =
    let opened = { b with State = Open; OpenedAt = now; Failures = 0 }
    match b.State, succeeded with
    | (Closed | HalfOpen), true -> { b with State = Closed; Failures = 0 }
    | HalfOpen, false -> opened
    | Closed, false when b.Failures + 1 >= b.FailureThreshold -> opened
    | Closed, false -> { b with Failures = b.Failures + 1 }
    | Open, _ -> b

let name = function Closed -> "closed" | Open -> "open" | HalfOpen -> "half-open"

/// Replays every scenario of the file, passing one line per step to log; returns (steps, mismatches).
let replay (log: string -> unit) (path: string) =
    use doc = JsonDocument.Parse(System.IO.File.ReadAllText path)
    let root = doc.RootElement
    if root.GetProperty("format").GetString() <> "consecutive-failures/1" then failwithf "%s: not a consecutive-failures/1 file" path
    let mutable steps, mismatches = 0, 0
    for scenario in root.GetProperty("scenarios").EnumerateArray() do
        log (sprintf "scenario: %s" (scenario.GetProperty("name").GetString()))
        let mutable b = create (scenario.GetProperty("failureThreshold").GetInt32()) (scenario.GetProperty("resetTimeout").GetDouble())
        scenario.GetProperty("steps").EnumerateArray() |> Seq.iteri (fun i step ->
            let t = step.GetProperty("time").GetDouble()
            let outcome = step.GetProperty("outcome").GetString()
            let admitted =
                match outcome with
                | "none" -> false
                | "success" | "failure" ->
                    let ok, next = allow t b
                    b <- if ok then record t (outcome = "success") next else next
                    ok
                | other -> failwithf "step %d: unknown outcome %s" (i + 1) other
            let state = name (stateAt t b)
            let expectedAdmitted, expectedState = step.GetProperty("admitted").GetBoolean(), step.GetProperty("state").GetString()
            let verdict =
                if admitted = expectedAdmitted && state = expectedState then "ok"
                else
                    mismatches <- mismatches + 1
                    sprintf "MISMATCH expected admitted=%b state=%s" expectedAdmitted expectedState
            steps <- steps + 1
            log (sprintf "  step %d t=%g %s: admitted=%b state=%s %s" (i + 1) t outcome admitted state verdict))
    log (sprintf "%d steps, %d mismatches" steps mismatches)
    steps, mismatches

// ---- command line: dotnet fsi breaker.fsx <scenario file>; exit 0 when every step matches, 1 on a mismatch, 2 when unreadable
match fsi.CommandLineArgs with
| [| _; path |] ->
    let code =
        try
            let _, mismatches = replay (printfn "%s") path
            if mismatches = 0 then 0 else 1
        with ex ->
            eprintfn "%s: %s" path ex.Message
            2
    exit code
| _ ->
    eprintfn "usage: dotnet fsi breaker.fsx <scenario file>"
    exit 2
