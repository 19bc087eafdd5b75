using Workbook.Core.Reliability.Locks.Redis;

namespace Workbook.Core.Tests.Reliability.Locks.Redis;

/// <summary>
/// A server that goes away between cells, and a connection closed before a scenario: the scenario returns an
/// outcome that is not complete, whose text is one line saying what happened and what to do, and does not throw.
/// </summary>
public sealed class RedisServerGoneTests
{
    [Fact]
    public async Task Scenarios_AfterTheServerIsKilled_ReturnOneLineSayingItWentAway()
    {
        // A server of this test's own (not the shared fixture's), killed after the connect, as between two cells.
        var own = new RedisServerFixture();
        RedisConnection connection;
        try
        {
            connection = await own.ConnectAsync();
        }
        catch
        {
            await own.DisposeAsync();
            throw;
        }

        var port = own.Port;
        await own.DisposeAsync(); // kills redis-server and waits for it to exit
        using (connection)
        {
            foreach (var outcome in new[]
            {
                await RedisLockScenarios.NaiveRaceAsync(connection),
                await RedisLockScenarios.PausedWriterAsync(connection, fencing: true),
            })
            {
                Assert.False(outcome.IsComplete);
                Assert.False(outcome.SafetyViolated);
                Assert.Empty(outcome.Steps);
                var text = outcome.ToString();
                Assert.DoesNotContain('\n', text);
                Assert.Equal($"{outcome.Name}: {outcome.Reason}", text);
                Assert.Contains($"Redis at 127.0.0.1:{port}", outcome.Reason, StringComparison.Ordinal);
                Assert.Contains("went away", outcome.Reason, StringComparison.Ordinal);
                Assert.EndsWith("start one with ./workbook.sh redis start, then run the connect cell again", outcome.Reason, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Scenarios_OnADisposedConnection_ReturnOneLineSayingToConnectAgain()
    {
        var own = new RedisServerFixture();
        try
        {
            var connection = await own.ConnectAsync();
            connection.Dispose();

            var outcomes = await RedisLockScenarios.RunAllAsync(connection);

            Assert.Equal(5, outcomes.Count);
            Assert.All(outcomes, o =>
            {
                Assert.False(o.IsComplete);
                Assert.DoesNotContain('\n', o.ToString());
                Assert.EndsWith("run the connect cell again", o.Reason, StringComparison.Ordinal);
            });
            Assert.Equal(
                ["naive EXISTS then PSETEX", "unchecked DEL", "owner-checked release", "paused writer, no fencing", "paused writer, fenced write"],
                outcomes.Select(o => o.Name));
        }
        finally
        {
            await own.DisposeAsync();
        }
    }
}
