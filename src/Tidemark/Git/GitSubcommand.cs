namespace Tidemark.Git;

/// <summary>The only git subcommands Tidemark runs. Anything else is not expressible.</summary>
internal enum GitSubcommand
{
    Version,
    Init,
    Clone,
    Fetch,
    Checkout,
    Switch,
    Reset,
    Clean,
    Add,
    Commit,
    Push,
    LsRemote,
    RevParse,
    RevList,
    Log,
    Diff,
    Show,
    Status,
    Config,
    UpdateRef,
    MergeBase,
    CatFile,
}
