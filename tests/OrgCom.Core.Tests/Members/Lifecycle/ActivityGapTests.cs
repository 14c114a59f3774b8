using OrgCom.Core.Members;
using OrgCom.Core.Members.Rules;
using static OrgCom.Core.Tests.Members.Lifecycle.LifecycleScenario;

namespace OrgCom.Core.Tests.Members.Lifecycle;

/// <summary>Histories of a member imported as official, admitted on 19/05/2000.</summary>
public enum History
{
    Active,
    ExemptAndDisciplined,
    Left,
    LeftAndReadmitted,
    RemovedAndReadmitted,
    Expelled,
    NotRecognized,
    LeftReadmittedAndLeftAgain,
    Deceased,
    ReadmittedThenDeceased,
}

public class ActivityGapTests
{
    private static readonly DateOnly Admitted = D("2000-05-19");

    private static Member Build(History history)
    {
        var m = history == History.NotRecognized ? Imported(MemberStatus.Probationary, officialOn: null) : Imported();
        switch (history)
        {
            case History.ExemptAndDisciplined:
                Ok(m.Exempt(D("2005-01-01"), "1-QĐ/CB", null, Context));
                Ok(m.EndExemption(D("2006-01-01"), "2-QĐ/CB", Context));
                Ok(m.Discipline(DisciplineLevel.Warning, D("2008-01-01"), "3-QĐ/CB", null, Context));
                Ok(m.Discipline(DisciplineLevel.Dismissal, D("2009-01-01"), "4-QĐ/CB", null, Context));
                break;
            case History.Left:
                Ok(m.Leave(D("2010-03-10"), "9-QĐ/ĐU", null, Context));
                break;
            case History.LeftAndReadmitted:
                Ok(m.Leave(D("2010-03-10"), "9-QĐ/ĐU", null, Context));
                Ok(m.Readmit(D("2013-03-10"), "1-QĐ/ĐU", D("2013-03-25"), Context));
                break;
            case History.RemovedAndReadmitted:
                Ok(m.Remove(D("2010-03-10"), "9-QĐ/ĐU", "Bỏ sinh hoạt", Context));
                Ok(m.Readmit(D("2013-06-01"), "1-QĐ/ĐU", D("2013-06-15"), Context));
                break;
            case History.Expelled:
                Ok(m.Discipline(DisciplineLevel.Expulsion, D("2010-03-10"), "9-QĐ/ĐU", null, Context));
                break;
            case History.NotRecognized:
                Ok(m.RefuseRecognition(D("2010-03-10"), "9-QĐ/ĐU", "Không đủ tư cách", Context));
                break;
            case History.LeftReadmittedAndLeftAgain:
                Ok(m.Leave(D("2010-03-10"), "9-QĐ/ĐU", null, Context));
                Ok(m.Readmit(D("2013-03-10"), "1-QĐ/ĐU", D("2013-03-25"), Context));
                Ok(m.Leave(D("2016-01-10"), "2-QĐ/ĐU", null, Context));
                break;
            case History.Deceased:
                Ok(m.Die(D("2010-03-10"), Context));
                break;
            case History.ReadmittedThenDeceased:
                Ok(m.Leave(D("2010-03-10"), "9-QĐ/ĐU", null, Context));
                Ok(m.Readmit(D("2013-03-10"), "1-QĐ/ĐU", D("2013-03-25"), Context));
                Ok(m.Die(D("2019-07-01"), Context));
                break;
        }
        return m;
    }

    /// <summary>"from/to;from/" — an empty "to" is an open gap.</summary>
    private static (DateOnly, DateOnly?)[] Gaps(string text) =>
        text.Length == 0
            ? []
            : text.Split(';').Select(g => g.Split('/'))
                .Select(p => (D(p[0]), p[1].Length == 0 ? (DateOnly?)null : D(p[1]))).ToArray();

    [Theory]
    [InlineData(History.Active, "")]
    [InlineData(History.ExemptAndDisciplined, "")]
    [InlineData(History.Deceased, "")]
    [InlineData(History.Left, "2010-03-10/")]
    [InlineData(History.Expelled, "2010-03-10/")]
    [InlineData(History.NotRecognized, "2010-03-10/")]
    [InlineData(History.LeftAndReadmitted, "2010-03-10/2013-03-10")]
    [InlineData(History.RemovedAndReadmitted, "2010-03-10/2013-06-01")]
    [InlineData(History.LeftReadmittedAndLeftAgain, "2010-03-10/2013-03-10;2016-01-10/")]
    [InlineData(History.ReadmittedThenDeceased, "2010-03-10/2013-03-10")]
    public void ActivityGaps_run_from_leaving_removal_or_expulsion_to_readmission(History history, string expected)
    {
        Assert.Equal(Gaps(expected), Build(history).ActivityGaps());
    }

    [Theory]
    // without gaps: 30 years on the anniversary
    [InlineData(History.Active, "2030-05-19", 30, 0, 0)]
    [InlineData(History.ExemptAndDisciplined, "2030-05-19", 30, 0, 0)]
    // readmitted: counted from the first admission minus the 1096 days outside the party
    [InlineData(History.LeftAndReadmitted, "2030-05-19", 26, 11, 29)]
    [InlineData(History.RemovedAndReadmitted, "2030-05-19", 26, 9, 8)]
    // inside a gap, party age stays what it was when the member left
    [InlineData(History.LeftAndReadmitted, "2012-01-01", 9, 9, 20)]
    [InlineData(History.Left, "2020-01-01", 9, 9, 20)]
    [InlineData(History.Expelled, "2020-01-01", 9, 9, 20)]
    [InlineData(History.LeftReadmittedAndLeftAgain, "2020-01-01", 12, 7, 21)]
    public void Party_age_excludes_the_gaps(History history, string at, int years, int months, int days)
    {
        var m = Build(history);

        var age = PartyAge.At(m.AdmittedOn!.Value, Inactivity(m, D(at)), D(at));

        Assert.Equal(Admitted, m.AdmittedOn);
        Assert.Equal((years, months, days), (age.Years, age.Months, age.Days));
        var gapDays = m.ActivityGaps()
            .Select(g => (From: g.From, To: g.To is { } to && to < D(at) ? to : D(at)))
            .Sum(g => Math.Max(0, g.To.DayNumber - g.From.DayNumber));
        Assert.Equal(D(at).DayNumber - Admitted.DayNumber - gapDays, age.TotalDays);
    }

    [Fact]
    public void Party_age_of_a_readmitted_member_keeps_growing_after_readmission()
    {
        var m = Build(History.LeftAndReadmitted);
        var atReadmission = PartyAge.At(Admitted, Inactivity(m, D("2013-03-10")), D("2013-03-10"));
        var atLeaving = PartyAge.At(Admitted, [], D("2010-03-10"));

        Assert.Equal(atLeaving.TotalDays, atReadmission.TotalDays);
        Assert.Equal(atLeaving.TotalDays + 365, PartyAge.At(Admitted, Inactivity(m, D("2014-03-10")), D("2014-03-10")).TotalDays);
    }
}
