using Npgsql;
using Tidemark.Credentials;
using Tidemark.State;
using Tidemark.State.Postgres;

namespace Tidemark.Tests.State;

public sealed class PostgresConnectionStringTests
{
    private readonly Redactor _redactor = new();

    [Theory]
    [InlineData("postgres://tidemark@db:5432/tidemark", true)]
    [InlineData("postgresql://db/tidemark", true)]
    [InlineData("POSTGRES://db/tidemark", true)]
    [InlineData("Host=db;Database=tidemark;Username=tidemark", true)]
    [InlineData("server=db;database=tidemark", true)]
    [InlineData("/var/lib/tidemark/state.db", false)]
    [InlineData(".tidemark/state.db", false)]
    [InlineData("state=1.db", false)]
    public void Recognises_UrlsAndKeyValueStringsButNotFiles(string location, bool expected)
    {
        Assert.Equal(expected, PostgresConnectionString.Recognises(location));
    }

    [Fact]
    public void Parse_UrlWithPassword_DisplayHasNoPasswordAndTheRedactorKnowsIt()
    {
        var password = "p@ss:" + Guid.NewGuid().ToString("N");

        var parsed = PostgresConnectionString.Parse($"postgres://runner:{Uri.EscapeDataString(password)}@db.internal:5433/tide_state?sslmode=require&application_name=tm", _redactor);

        Assert.Equal("postgres://runner@db.internal:5433/tide_state", parsed.Display);
        Assert.Equal(("db.internal", 5433, "tide_state", "runner", password), (parsed.Builder.Host, parsed.Builder.Port, parsed.Builder.Database, parsed.Builder.Username, parsed.Builder.Password));
        Assert.Equal(SslMode.Require, parsed.Builder.SslMode);
        Assert.Equal("tm", parsed.Builder.ApplicationName);
        Assert.Equal("x [REDACTED] y", _redactor.Redact($"x {password} y"));
        Assert.Equal("x [REDACTED] y", _redactor.Redact($"x {Uri.EscapeDataString(password)} y"));
    }

    [Fact]
    public void Parse_UrlWithoutPortOrUser_UsesTheDefaults()
    {
        var parsed = PostgresConnectionString.Parse("postgresql://db/tidemark", _redactor);

        Assert.Equal("postgres://db/tidemark", parsed.Display);
        Assert.Equal(5432, parsed.Builder.Port);
        Assert.Null(parsed.Builder.Password);
    }

    [Fact]
    public void Parse_KeyValueWithPassword_RegistersIt()
    {
        var password = "kv-" + Guid.NewGuid().ToString("N");

        var parsed = PostgresConnectionString.Parse($"Host=db;Port=6000;Username=u;Password={password};Database=d", _redactor);

        Assert.Equal("postgres://u@db:6000/d", parsed.Display);
        Assert.Equal("[REDACTED]", _redactor.Redact(password));
    }

    [Theory]
    [InlineData("postgres://u:SECRETPW1@db/", "names no database")]
    [InlineData("postgres://u:SECRETPW1@db/d?sslmod=require", "the URL parameter 'sslmod' is not supported")]
    [InlineData("postgres://u:SECRETPW1@db/d?sslmode=sometimes", "the URL parameter 'sslmode' has a value")]
    [InlineData("Host=db;Password=SECRETPW1;Database=d;Bogus=1", "Npgsql does not accept it")]
    public void Parse_Bad_IsBadInputNamingWhyNeverThePassword(string location, string why)
    {
        var error = Assert.Throws<StateStoreException>(() => PostgresConnectionString.Parse(location, _redactor));

        Assert.Equal(StateStoreProblem.BadConnectionString, error.Kind);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://USER@HOST:PORT/DATABASE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETPW1", error.Message, StringComparison.Ordinal);
    }
}
