using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("PolicyMiner.Storage.Tests")]
