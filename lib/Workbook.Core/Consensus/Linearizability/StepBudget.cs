namespace Workbook.Core.Consensus.Linearizability;

/// <summary>The model steps left to a whole check, shared by the searches of all its parts.</summary>
internal sealed class StepBudget(long limit)
{
    public long Limit { get; } = limit;

    public long Taken { get; private set; }

    public bool TryTake()
    {
        if (Taken >= Limit)
        {
            return false;
        }

        Taken++;
        return true;
    }
}
