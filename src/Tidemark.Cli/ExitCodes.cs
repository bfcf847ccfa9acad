namespace Tidemark.Cli;

/// <summary>The exit codes promised in PRODUCT.md.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int CheckFailed = 3;
}
