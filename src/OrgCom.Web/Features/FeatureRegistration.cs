using OrgCom.Web.Data.Seed;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features;

/// <summary>Each feature adds its services and JSON endpoints here.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddOrgComFeatures(this IServiceCollection services)
    {
        services.AddScoped<AccountService>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Organizations.OrganizationQueries>();
        services.AddScoped<Organizations.OrganizationHistoryQueries>();
        services.AddScoped<Organizations.ReorganizationService>();
        services.AddScoped<Members.MemberQueries>();
        services.AddScoped<Members.MemberSearchQuery>();
        services.AddSingleton<Members.MemberSearchStatistics>();
        services.AddScoped<Members.DossierQueries>();
        services.AddScoped<Members.Transfers.TransferQueries>();
        services.AddScoped<Members.Badges.BadgeQueries>();
        services.AddScoped<Admin.UserQueries>();
        services.AddScoped<Cadres.CadreQueries>();
        services.AddScoped<Cadres.Rotations.RotationQueries>();
        services.AddScoped<Cadres.RetirementDecisionQueries>();
        services.AddScoped<Assessments.AssessmentQueries>();
        services.AddScoped<Assessments.AssessmentReportQuery>();
        services.AddScoped<Reports.StatisticsQueries>();
        services.AddScoped<Reports.DashboardQueries>();
        services.AddScoped<Reports.AssessmentResultsForm>();
        services.AddSingleton<Infrastructure.Export.PdfRenderer>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrgComEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
