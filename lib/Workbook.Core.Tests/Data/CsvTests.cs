using Workbook.Core.Data;

namespace Workbook.Core.Tests.Data;

public class CsvTests
{
    [Fact]
    public void ReadsHeaderAndRows_ByColumnName()
    {
        var rows = Csv.Parse("a,b\n1,2\n3,4\n", "t.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal("2", rows[0]["b"]);
        Assert.Equal(3.0, rows[1].Double("a"));
        Assert.Equal(3, rows[1].LineNumber);
    }

    [Fact]
    public void QuotedFields_MayContainCommasQuotesAndLineBreaks()
    {
        var rows = Csv.Parse("name,source\nx,\"Smith, J. \"\"Latency\"\"\nsecond line\"\ny,plain\n", "t.csv");

        Assert.Equal("Smith, J. \"Latency\"\nsecond line", rows[0]["source"]);
        Assert.Equal(2, rows[0].LineNumber);
        Assert.Equal(4, rows[1].LineNumber);
    }

    [Fact]
    public void CrLfLineEndings_ByteOrderMarkAndBlankLines_AreAccepted()
    {
        var rows = Csv.Parse("\uFEFFa,b\r\n1,2\r\n\r\n3,4", "t.csv");

        Assert.Equal(["1", "3"], rows.Select(r => r["a"]));
    }

    [Fact]
    public void EmptyFieldsAreKept()
    {
        var rows = Csv.Parse("a,b,c\n,,\n", "t.csv");

        Assert.Equal(string.Empty, rows[0]["b"]);
        Assert.Null(rows[0].OptionalInt32("c"));
    }

    [Theory]
    [InlineData("a,b\n1,2,3\n", "line 2: expected 2 fields")]
    [InlineData("a,b\n1,\"2\n", "line 2: a quoted field is never closed")]
    [InlineData("a,b\n1,2\"x\n", "line 2: a double quote may only open a field")]
    [InlineData("a,b\n1,\"2\"x\n", "line 2: text after the closing quote")]
    [InlineData("a,a\n1,2\n", "line 1: the column 'a' appears twice")]
    [InlineData("", "the file is empty")]
    public void MalformedText_FailsWithTheLine(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => Csv.Parse(text, "t.csv"));

        Assert.Contains("t.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownColumn_ListsTheColumns()
    {
        var row = Csv.Parse("a,b\n1,2\n", "t.csv")[0];

        var ex = Assert.Throws<FormatException>(() => row["c"]);

        Assert.Contains("the columns are a, b", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_UseTheInvariantCulture()
    {
        var row = Csv.Parse("x,y\n\"1,5\",1.5\n", "t.csv")[0];

        Assert.Equal(1.5, row.Double("y"));
        Assert.Throws<FormatException>(() => row.Double("x"));
    }
}
