namespace AuroraBots.Nlu.Language;

/// <summary>
/// A small built-in text sample per language so the detector works before any bot content is loaded:
/// frequent function words, everyday service vocabulary and a few whole sentences (written for this project).
/// </summary>
internal static class LanguageSeedCorpus
{
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["fi"] = """
            ja on ei se että oli olen olet hän me te he tämä tuo mikä mitä miten miksi missä milloin kuka
            minä sinä mä sä mun sun mulla sulla minun sinun meidän teidän heidän joo juu kyllä en et emme
            voi voin voisitko voitko haluan haluaisin tarvitsen tarvisin pitäisi pitää saada saan saako
            kiitos kiitti moi hei terve heippa moikka näkemiin hyvää päivää huomenta iltaa kuinka menee
            apua auta neuvoa kysyä kysymys vastaus asia asiat palvelu palvelut kaupunki kunta asun asunto
            vuokra muutto muuttaa osoite työ töitä työpaikka kesätyö opiskelu koulu lukio ammattikoulu
            lapsi lapset vauva perhe päiväkoti neuvola tuki etuus hakemus hakea kela ikä vuotias vuotta
            nuori nuoret kaveri kaverit yksinäinen ahdistaa väsyttää stressi mieli olo paha huono hyvä
            suomeksi ruotsiksi englanniksi puhu kieli vaihda lopeta peruuta aloita alusta uudestaan
            ihminen henkilö asiakaspalvelu palaute tiedot poista unohda suostumus lupa takaisin
            Mitä kuuluu? Voisitko auttaa minua? Haluaisin tietää lisää. Missä on lähin palvelupiste?
            Olen seitsemäntoista vuotias ja asun Tampereella. En tiedä mitä tehdä. Tarvitsen apua nyt.
            Kiitos paljon avusta. Onko teillä aikaa tänään? Mistä löydän tietoa asumistuesta?
            Hän ei ole kotona. Meillä on kaksi lasta. Etsin kesätyötä Oulusta. Ei kiitos, riittää.
            yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen nolla
            """,
        ["sv"] = """
            och att det som en ett är var jag du han hon vi ni de den detta vad hur varför var när vem
            mig dig oss er min din vår er inte nej ja jo japp visst kan kunde vill skulle måste behöver
            tack tackar hej hejsan hallå god dag morgon kväll adjö hejdå vi ses hur mår du
            hjälp hjälpa råd fråga frågor svar ärende tjänst tjänster stad kommun bor bostad hyra
            flytta flyttning adress arbete jobb sommarjobb studier skola gymnasium yrkesskola
            barn bebis familj daghem rådgivning stöd förmån ansökan ansöka fpa ålder år gammal
            ung unga kompis vänner ensam ångest trött stress mår dåligt bra sämre bättre
            på svenska finska engelska prata tala språk byt sluta avbryt börja om igen från början
            människa person kundtjänst respons uppgifter radera glöm samtycke tillstånd tillbaka
            Hur mår du? Kan du hjälpa mig? Jag skulle vilja veta mer. Var finns närmaste servicepunkt?
            Jag är sjutton år och bor i Tammerfors. Jag vet inte vad jag ska göra. Jag behöver hjälp nu.
            Tack så mycket för hjälpen. Har ni tid i dag? Var hittar jag information om bostadsbidrag?
            Hon är inte hemma. Vi har två barn. Jag söker sommarjobb i Uleåborg. Nej tack, det räcker.
            noll en ett två tre fyra fem sex sju åtta nio tio
            """,
        ["en"] = """
            the and that is are was were be been have has had do does did not no yes yeah yep
            i you he she we they it this these those what how why where when who which my your our their
            me him her us them can could would should will shall must need want like please
            thanks thank you hello hi hey good morning evening afternoon bye goodbye see you later
            help advice ask question questions answer service services city municipality live home
            rent apartment flat move moving address work job jobs summer job study studies school college
            child children baby family daycare clinic support benefit application apply age years old
            young people friend friends lonely anxious tired stress feel feeling bad good better worse
            in english finnish swedish speak talk language switch stop cancel start over again from the beginning
            human person customer service feedback data delete forget consent permission back
            How are you? Can you help me? I would like to know more. Where is the nearest service point?
            I am seventeen years old and I live in Tampere. I do not know what to do. I need help now.
            Thank you very much for your help. Do you have time today? Where can I find information about housing allowance?
            She is not at home. We have two kids. I'm looking for a summer job in Oulu. No thanks, that's enough.
            zero one two three four five six seven eight nine ten
            """,
    };
}
