using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// The assessment results form counts the members not rated by reason (<c>AssessmentReportQuery</c>): a partial index
    /// of the few ratings with a reason, so the count does not read every rating of the subtree.
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261123200000_AssessmentNotAssessedReasonsIndex")]
    public partial class AssessmentNotAssessedReasonsIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create index ix_member_ratings_not_assessed on member_ratings (organization_assessment_id, not_assessed_reason)
                where not_assessed_reason is not null;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("drop index ix_member_ratings_not_assessed;");
        }
    }
}
