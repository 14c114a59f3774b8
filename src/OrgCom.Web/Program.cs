using OrgCom.Web.Infrastructure;

return await Cli.RunAsync(args);

/// <summary>Entry point; public and partial so tests can boot the app through WebApplicationFactory.</summary>
public partial class Program;
