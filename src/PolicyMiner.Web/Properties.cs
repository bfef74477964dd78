[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("PolicyMiner.Web.Tests")]
