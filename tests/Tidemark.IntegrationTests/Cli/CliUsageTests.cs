namespace Tidemark.IntegrationTests.Cli;

/// <summary>A wrong command line says what would be right: the subcommands of a command given alone, the nearest name of a misspelt one.</summary>
public sealed class CliUsageTests
{
    [Fact]
    public async Task Token_WithoutSubcommand_ListsItsSubcommandsAndExitsTwo()
    {
        var run = await CliRun.RunAsync("token");

        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Split('\n');
        Assert.Equal("'tidemark token' needs one of:", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  new ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  check ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  status ", StringComparison.Ordinal));
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("plan --outptu json", "--output")]
    [InlineData("refs --rep .", "--repo")]
    [InlineData("tokn status", "token")]
    public async Task Misspelt_OptionOrCommand_SuggestsTheNearestName(string commandLine, string suggestion)
    {
        var run = await CliRun.RunAsync(commandLine.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"tidemark: did you mean {suggestion}?", run.Error.Split('\n'));
    }

    [Fact]
    public async Task Misspelt_NothingClose_SuggestsNothing()
    {
        var run = await CliRun.RunAsync("plan", "--frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("did you mean", run.Error, StringComparison.Ordinal);
    }
}
