using Microsoft.Data.Analysis;
using Workbook.Core.NotebookSupport;

namespace Workbook.Core.Tests.NotebookSupport;

public class DataFrameExtensionsTests
{
    private sealed record Row(string Library, double Rate, int Calls, bool Trips, double? Missing, DayOfWeek Day);

    private static readonly Row[] Rows =
    [
        new("Polly", 0.05, 150, false, null, DayOfWeek.Monday),
        new("Hystrix", 0.5, 50, true, 1.5, DayOfWeek.Friday),
        new("Polly", 0.25, 300, true, null, DayOfWeek.Monday),
    ];

    [Fact]
    public void ToDataFrame_MakesOneTypedColumnPerProperty_InDeclarationOrder()
    {
        var frame = Rows.ToDataFrame();

        Assert.Equal(["Library", "Rate", "Calls", "Trips", "Missing", "Day"], frame.Columns.Select(c => c.Name));
        Assert.IsType<StringDataFrameColumn>(frame.Columns["Library"]);
        Assert.IsType<DoubleDataFrameColumn>(frame.Columns["Rate"]);
        Assert.IsType<Int32DataFrameColumn>(frame.Columns["Calls"]);
        Assert.IsType<BooleanDataFrameColumn>(frame.Columns["Trips"]);
        Assert.IsType<DoubleDataFrameColumn>(frame.Columns["Missing"]);
        Assert.Equal(3, frame.Rows.Count);
        Assert.Equal(2, frame.Columns["Missing"].NullCount);
        Assert.Equal("Friday", frame.Columns["Day"][1]);
    }

    [Fact]
    public void ToDataFrame_KeepsFullPrecision_AndSupportsGroupingLikePandas()
    {
        var frame = new[] { new { Value = 1.0 / 3 }, new { Value = 2.0 / 3 } }.ToDataFrame();
        Assert.Equal(1.0 / 3, (double)frame.Columns["Value"][0]!);

        var byLibrary = Rows.ToDataFrame().GroupBy("Library").Sum("Calls");
        var polly = Enumerable.Range(0, (int)byLibrary.Rows.Count).Single(i => (string)byLibrary.Columns["Library"][i] == "Polly");
        Assert.Equal(450, Convert.ToInt32(byLibrary.Columns["Calls"][polly], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToDataFrame_OfNoRows_HasTheColumnsAndNoRows()
    {
        var frame = Array.Empty<Row>().ToDataFrame();

        Assert.Equal(6, frame.Columns.Count);
        Assert.Equal(0, frame.Rows.Count);
    }
}
