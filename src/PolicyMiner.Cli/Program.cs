using System.CommandLine;
using System.Text;
using PolicyMiner.Cli;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

var root = new RootCommand("PolicyMiner: quantified targets from Chinese policy documents, as data.");
foreach (var verb in Verbs.All())
{
    root.Subcommands.Add(verb);
}

return CliRunner.Run(root, args);
