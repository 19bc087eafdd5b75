namespace Workbook.Core.Consensus.Linearizability;

/// <summary>
/// The sequential specification of the key-value store: a get answers the key's current value (or
/// absent), a put replaces it, an append concatenates to it (a missing key counts as empty).
/// </summary>
/// <remarks>
/// Keys never interact, so <see cref="PartitionKey"/> is the key and each key's sub-history is checked
/// alone, which is what makes a 1,000-operation history fast to check. It is the model of MIT 6.5840's
/// key-value labs and of Porcupine's key-value tests, with "absent" kept apart from the empty string.
/// </remarks>
public sealed class KvModel : ISequentialModel<KvState, KvInput, KvOutput>
{
    private KvModel()
    {
    }

    /// <summary>The one instance (the model has no settings).</summary>
    public static KvModel Instance { get; } = new();

    /// <inheritdoc/>
    public KvState Initial => KvState.Empty;

    /// <inheritdoc/>
    public ModelStep<KvState> Step(KvState state, KvInput input, KvOutput output)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (input.Kind != KvOperationKind.Get)
        {
            return output.IsOk
                ? StepWithoutResponse(state, input)
                : ModelStep<KvState>.Illegal($"a {input.Kind.ToString().ToLowerInvariant()} answers ok, not {output}");
        }

        if (output.IsOk)
        {
            return ModelStep<KvState>.Illegal("a get answers a value or absent, not ok");
        }

        var holds = state.TryGetValue(input.Key, out var current);
        var fits = holds ? output.HasValue && string.Equals(output.Value, current, StringComparison.Ordinal) : !output.HasValue;
        return fits
            ? ModelStep<KvState>.Legal(state)
            : ModelStep<KvState>.Illegal(holds ? $"{input.Key} holds \"{current}\"" : $"{input.Key} holds no value");
    }

    /// <inheritdoc/>
    public ModelStep<KvState> StepWithoutResponse(KvState state, KvInput input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        return input.Kind switch
        {
            KvOperationKind.Get => ModelStep<KvState>.Legal(state),
            KvOperationKind.Put => ModelStep<KvState>.Legal(state.With(input.Key, input.Value)),
            _ => ModelStep<KvState>.Legal(state.With(
                input.Key, (state.TryGetValue(input.Key, out var current) ? current : string.Empty) + input.Value)),
        };
    }

    /// <inheritdoc/>
    public string PartitionKey(KvInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Key;
    }
}
