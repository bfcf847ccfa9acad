using Tidemark.Cli;
using Tidemark.Cli.Commands;
using Tidemark.State;

namespace Tidemark.Tests.Cli;

/// <summary>
/// The one state location rule (<see cref="StateLocation"/>) keeps a PostgreSQL connection string as given, from
/// <c>--state</c> or <c>TIDEMARK_STATE</c>, and the composition root registers its password before anything names it.
/// </summary>
public sealed class StateLocationTests
{
    private static CliEnvironment Env(string? variable) =>
        new(TextWriter.Null, TextWriter.Null, TimeProvider.System, name => name == StateLocation.Variable ? variable : null, ErrorIsTerminal: false);

    [Theory]
    [InlineData("postgres://tidemark@db.internal:5432/tidemark")]
    [InlineData("postgresql://db.internal/tidemark")]
    [InlineData("Host=db.internal;Database=tidemark;Username=tidemark")]
    public void Resolve_ConnectionString_IsKeptAsGivenFromTheOptionOrTheVariable(string location)
    {
        Assert.Equal(location, StateLocation.Resolve(location, _ => null));
        Assert.Equal(location, StateLocation.Resolve(null, name => name == StateLocation.Variable ? location : null));
    }

    [Fact]
    public void Resolve_File_IsMadeAbsolute()
    {
        Assert.Equal(Path.GetFullPath(Path.Combine("state", "x.db")), StateLocation.Resolve(Path.Combine("state", "x.db"), _ => null));
    }

    [Fact]
    public void Composition_StatePathFromTheVariable_RegistersThePasswordAndDisplaysWithoutIt()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var url = $"postgres://tidemark:{password}@db.internal:5433/tidemark";
        var env = Env(url);
        var composition = new Composition(env);

        var location = composition.StatePath(null);

        Assert.Equal(url, location);
        Assert.DoesNotContain(password, env.Redactor.Redact($"cannot reach {location}"), StringComparison.Ordinal);
        Assert.Equal("postgres://tidemark@db.internal:5433/tidemark", composition.StateDisplay(location));
    }

    [Fact]
    public void Composition_BadConnectionString_IsBadInputBeforeAnythingOpens()
    {
        var composition = new Composition(Env("postgres://tidemark@db.internal:5432/"));

        var error = Assert.Throws<StateStoreException>(() => composition.StatePath(null));

        Assert.Equal(StateStoreProblem.BadConnectionString, error.Kind);
    }
}
