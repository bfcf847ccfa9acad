namespace Tidemark.IntegrationTests.Credentials;

/// <summary>Token-shaped values built at run time, so no literal shaped like a real token is committed.</summary>
internal static class TokenValues
{
    private const string Alphabet = "aB3cD4eF5gH6iJ7kL8mN9pQ2rS1tU0vWxYz";

    public static string Body(int length, int seed = 0) =>
        new([.. Enumerable.Range(0, length).Select(i => Alphabet[(i * 7 + seed * 13 + i / 3) % Alphabet.Length])]);

    public static string Classic(int seed = 0) => "gh" + "p_" + Body(36, seed);

    public static string FineGrained(int seed = 0) => "github" + "_pat_" + Body(22, seed) + "_" + Body(59, seed + 1);

    public static string Refresh(int seed = 0) => "gh" + "r_" + Body(76, seed);
}
