namespace Tidemark.Testing.GitHub;

/// <summary>
/// The proc-receive hook the simulator installs in every bare repository. git's receive-pack hands it every
/// ref update under refs/heads (receive.procReceiveRefs); it forwards them to the simulator over loopback,
/// prints the simulator's messages on stderr (git shows them as "remote: …") and reports "ok" or
/// "ng REF REASON" so the client prints GitHub's own reasons, e.g. "(protected branch hook declined)".
/// The simulator performs accepted updates itself. Perl because git's own packaging depends on it.
/// Protocol: git Documentation/githooks.txt, "proc-receive".
/// </summary>
internal static class HookScript
{
    public const string Text = """
        #!/usr/bin/perl
        # Written by the Tidemark GitHub simulator; see HookScript.cs.
        use strict;
        use warnings;
        use IO::Socket::INET;
        binmode STDIN;
        binmode STDOUT;
        $| = 1;

        sub read_pkt {
            my $len = '';
            my $n = read(STDIN, $len, 4);
            return undef unless defined $n && $n == 4;
            my $size = hex($len);
            return '' if $size == 0;
            my $data = '';
            while (length($data) < $size - 4) {
                my $got = read(STDIN, $data, $size - 4 - length($data), length($data));
                last unless $got;
            }
            $data =~ s/\n\z//;
            $data =~ s/\0.*\z//s;
            return $data;
        }

        sub write_pkt {
            my ($text) = @_;
            printf STDOUT '%04x%s', length($text) + 4, $text;
        }

        while (defined(my $line = read_pkt())) { last if $line eq ''; }
        write_pkt("version=1\n");
        print STDOUT '0000';

        my @commands;
        while (defined(my $line = read_pkt())) { last if $line eq ''; push @commands, $line; }

        my $body = join('', map { "$_\n" } @commands);
        my $socket = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $ENV{GIT_SIM_HOOK_PORT}, Proto => 'tcp')
            or die "simulator hook: cannot connect: $!\n";
        print $socket "POST $ENV{GIT_SIM_HOOK_PATH} HTTP/1.0\r\nHost: 127.0.0.1\r\n"
            . "Content-Type: text/plain\r\nContent-Length: " . length($body) . "\r\n"
            . "X-Sim-Hook-Secret: $ENV{GIT_SIM_HOOK_SECRET}\r\nX-Sim-Token-Id: $ENV{GIT_SIM_TOKEN_ID}\r\n\r\n" . $body;
        my $response = do { local $/; <$socket> };
        close $socket;
        my ($head, $content) = split(/\r\n\r\n/, $response, 2);
        die "simulator hook: bad answer: $head\n" unless $head =~ m{^HTTP/1\.[01] 200};
        foreach my $line (split(/\n/, $content // '')) {
            if ($line =~ /^say ?(.*)$/s) { print STDERR "$1\n"; }
            else { write_pkt("$line\n"); }
        }
        print STDOUT '0000';
        exit 0;
        """;
}
