// Target x predicate x frame on sentences written for these tests, EN and FR, with
// the look-alikes that must stay allowed: negation, counter-speech, questions,
// hyperbole at objects, homonyms and self-reference.
#include "policy/harm_grammar.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "policy/normalizer.h"

namespace modbot {
namespace {

HarmReading ReadText(const std::string& text) { return HarmGrammar::BuiltIn().Read(FoldText(text)); }

// The rules read in text, each with its score: "discrimination.group_dehumanised=0.9".
std::string Rules(const std::string& text) {
  std::string out;
  for (const Reason& reason : ReadText(text).reasons) {
    if (!out.empty()) out += ' ';
    out += reason.rule;
  }
  return out;
}

double ScoreOf(const std::string& text, const std::string& rule) {
  for (const Reason& reason : ReadText(text).reasons) {
    if (reason.rule == rule) return reason.score;
  }
  return 0;
}

TEST_CASE("harm grammar: a group compared to vermin, any group, any animal", "[harm_grammar]") {
  for (const char* text : {"Sikhs are cockroaches.", "Those refugees are nothing but parasites",
                           "Les musulmans sont des rats", "Les Haïtiens, c'est de la vermine.",
                           "lesbians are a disease"}) {
    INFO(text);
    CHECK(ScoreOf(text, "discrimination.group_dehumanised") >= 0.85);
  }
}

TEST_CASE("harm grammar: the explanation names target, predicate and frame", "[harm_grammar]") {
  HarmReading reading = ReadText("Jews are vermin");
  REQUIRE(!reading.reasons.empty());
  CHECK(reading.reasons[0].evidence ==
        "jews … vermin (target: a religion; predicate: dehumanising comparison; frame: assertion)");
}

TEST_CASE("harm grammar: exclusion, generalisation and hatred of a group", "[harm_grammar]") {
  CHECK(ScoreOf("Gay people shouldn't be allowed to teach", "discrimination.group_excluded") >= 0.85);
  CHECK(ScoreOf("Les immigrants n'ont pas leur place ici", "discrimination.group_excluded") >= 0.85);
  CHECK(ScoreOf("Trans people are all perverts", "discrimination.group_generalised") >= 0.85);
  CHECK(ScoreOf("Les femmes sont paresseuses", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("I despise Hindus", "discrimination.group_hated") >= 0.85);
  CHECK(ScoreOf("je déteste les musulmans", "discrimination.group_hated") >= 0.85);
  // Age limits are often lawful: a human decides.
  CHECK(ScoreOf("Seniors shouldn't be allowed to drive", "discrimination.group_excluded") == Approx(0.6));
}

TEST_CASE("harm grammar: an insult said right after the group", "[harm_grammar]") {
  CHECK(ScoreOf("Ces immigrés de merde", "discrimination.group_insulted") >= 0.85);
  CHECK(ScoreOf("Cette piscine de merde", "discrimination.group_insulted") == 0);
}

TEST_CASE("harm grammar: 'they' is the group the sentence before named", "[harm_grammar]") {
  CHECK(ScoreOf("I have met many Somalis. They are animals.", "discrimination.group_dehumanised") >= 0.85);
  CHECK(ScoreOf("My neighbours moved. They are animals.", "discrimination.group_dehumanised") == 0);
}

TEST_CASE("harm grammar: insults aimed at the reader, a person, City staff", "[harm_grammar]") {
  CHECK(ScoreOf("you are a complete moron", "abusive.insult_to_reader") >= 0.7);
  CHECK(ScoreOf("t'es vraiment un imbécile", "abusive.insult_to_reader") >= 0.7);
  CHECK(ScoreOf("espèce de cave", "abusive.insult_to_reader") >= 0.7);
  CHECK(ScoreOf("The lifeguard is a jerk", "abusive.insult_to_staff") >= 0.5);
  CHECK(ScoreOf("Le sauveteur est un crétin", "staff_harassment.staff_insulted") >= 0.5);
  CHECK(ScoreOf("That guy is an asshole", "abusive.insult_to_person") >= 0.5);
}

TEST_CASE("harm grammar: disguised words are read as what they stand for", "[harm_grammar]") {
  CHECK(ScoreOf("you are an i d i o t", "abusive.insult_to_reader") >= 0.7);
  CHECK(ScoreOf("ur such a stpd mrn", "abusive.insult_to_reader") >= 0.7);
  CHECK(ScoreOf("y0u are a m0r0n", "abusive.insult_to_reader") >= 0.7);
  CHECK(ScoreOf("you are an idoit", "abusive.insult_to_reader") >= 0.7);
  CHECK(ScoreOf("Mμslims are vеrmin", "discrimination.group_dehumanised") >= 0.85);  // Greek, Cyrillic
  CHECK(ScoreOf("immigrants are vrmn", "discrimination.group_dehumanised") >= 0.85);
  CHECK(ScoreOf("Les réfugiés sont des parasıtes", "discrimination.group_dehumanised") >= 0.85);
  CHECK(ScoreOf("Les refugies sont des parasites", "discrimination.group_dehumanised") >= 0.85);
  CHECK(ScoreOf("you are a mo\u200Bron", "abusive.insult_to_reader") >= 0.7);  // zero-width
}

TEST_CASE("harm grammar: harm with first-person intent at someone", "[harm_grammar]") {
  CHECK(ScoreOf("If they cut my tree, I'll strangle him", "threat.harm_to_person") >= 0.85);
  CHECK(ScoreOf("je vais te défoncer", "threat.harm_to_reader") >= 0.85);
  CHECK(ScoreOf("Someone should shoot the bylaw officer", "threat.harm_to_staff") >= 0.85);
  CHECK(ScoreOf("go die", "threat.harm_to_reader") >= 0.85);
  CHECK(ScoreOf("I'm going to burn your house", "threat.harm_to_property") >= 0.5);
  CHECK(ScoreOf("kill all the immigrants", "threat.harm_to_group") >= 0.85);
}

TEST_CASE("harm grammar: the object of harm behind quantifiers, and plural orders", "[harm_grammar]") {
  CHECK(ScoreOf("We should hang every last one of these Muslims", "threat.harm_to_group") >= 0.85);
  CHECK(ScoreOf("Let's go beat up some Sikhs tonight", "threat.harm_to_group") >= 0.85);
  CHECK(ScoreOf("Allons tabasser quelques Haïtiens", "threat.harm_to_group") >= 0.85);
  CHECK(ScoreOf("The only good immigrant is a dead immigrant", "threat.harm_to_group") >= 0.85);
  CHECK(ScoreOf("I'd love to see their church in flames", "threat.harm_to_property") >= 0.5);
  // Harm told of no one named: "some" is no one.
  CHECK(Rules("Let's go beat some records at the pool").empty());
}

TEST_CASE("harm grammar: a right to live denied to every one of a group", "[harm_grammar]") {
  CHECK(ScoreOf("No Jew deserves to live", "discrimination.group_excluded") >= 0.85);
  CHECK(ScoreOf("Aucun Arabe ne mérite de vivre", "discrimination.group_excluded") >= 0.85);
  // Granted, not denied.
  CHECK(Rules("Refugees deserve to live in peace").empty());
  CHECK(Rules("Every immigrant has the right to live here").empty());
}

TEST_CASE("harm grammar: a group kept from children, homes and tenancies", "[harm_grammar]") {
  CHECK(ScoreOf("Why do we let gay people anywhere near kids?", "discrimination.group_excluded") == Approx(0.6));
  CHECK(ScoreOf("Never let a Muslim set foot in your house", "discrimination.group_excluded") == Approx(0.6));
  CHECK(ScoreOf("Je laisserais jamais un Juif mettre les pieds chez moi",
                "discrimination.group_excluded") == Approx(0.6));
  CHECK(ScoreOf("Landlords need the right to refuse Black people", "discrimination.group_excluded") == Approx(0.6));
  // Let in, not kept out; and a refusal that is the group's own.
  CHECK(Rules("We let seniors teach our kids to garden").empty());
  CHECK(Rules("Muslims teach our kids at the community centre").empty());
  CHECK(Rules("Muslims have the right to refuse treatment").empty());
}

TEST_CASE("harm grammar: a dare to name one of a group without a trait", "[harm_grammar]") {
  CHECK(ScoreOf("Is there a single Sikh who isn't violent?", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("Is there any Arab country that isn't a dump?", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("Y a-t-il un seul Haïtien qui ne soit pas paresseux?", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("Name one immigrant who isn't lazy.", "discrimination.group_generalised") >= 0.5);
  // No trait named, or one denied in earnest.
  CHECK(Rules("Is there any senior who isn't on the waiting list yet?").empty());
  CHECK(Rules("Is there a single Muslim who is a liar? No.").empty());
}

TEST_CASE("harm grammar: a group said to lack the head for things, or to live off others", "[harm_grammar]") {
  CHECK(ScoreOf("Immigrants can't think for themselves", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("Les femmes n'ont pas la tête pour la politique", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("Refugees milk the system", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("Why do Sikhs always have to ruin everything?", "discrimination.group_generalised") >= 0.5);
  // A colour that names people only with a word for people after it.
  CHECK(ScoreOf("Black tenants are lazy", "discrimination.group_generalised") >= 0.5);
  CHECK(Rules("Black cars are lazy to clean, the dust shows").empty());
  CHECK(Rules("Seniors always have to wait an hour for the 161 bus").empty());
}

TEST_CASE("harm grammar: harm after a condition falls on the group the condition names", "[harm_grammar]") {
  CHECK(ScoreOf("If a Sikh family moves onto my street, I'm getting my gun", "threat.harm_to_group") >= 0.85);
  CHECK(ScoreOf("Si un Arabe s'installe à côté, je sors le fusil", "threat.harm_to_group") >= 0.85);
  // Its own object, the author's own death, or no harm at all.
  CHECK(Rules("If the Jewish community needs the hall, I'll kill the booking on my side").empty());
  CHECK(Rules("If women run council, I'll die laughing").empty());
  CHECK(Rules("If seniors need a ride, I'll drive them").empty());
  CHECK(Rules("If the raccoons get in again, I'm getting my gun").empty());
}

TEST_CASE("harm grammar: a people called a race in contempt, not a breed", "[harm_grammar]") {
  CHECK(ScoreOf("Sale race d'Arabes", "discrimination.group_insulted") >= 0.5);
  CHECK(ScoreOf("Les Roms sont une race inférieure", "discrimination.group_insulted") >= 0.5);
  CHECK(Rules("Le berger allemand, une race de chien populaire au Québec").empty());
}

TEST_CASE("harm grammar: a virtue denied to a group runs it down", "[harm_grammar]") {
  CHECK(ScoreOf("Sikhs are not good people", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("I don't think women are intelligent", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("Les Haïtiens ne sont jamais dignes de confiance", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("Je ne pense pas que les femmes soient intelligentes", "discrimination.group_generalised") >= 0.5);
  // Granted, granted to some, or the denial itself denied.
  CHECK(Rules("Refugees are honest and hard-working").empty());
  CHECK(Rules("Not all Muslims are trustworthy, and not all Christians are either").empty());
  CHECK(Rules("It is not true that immigrants are not trustworthy").empty());
  CHECK(Rules("Muslims are not bad people, they are good people").empty());
}

TEST_CASE("harm grammar: a pronoun announcing the group named after it", "[harm_grammar]") {
  CHECK(ScoreOf("I can't stand them, those Sikhs", "discrimination.group_hated") >= 0.85);
  CHECK(ScoreOf("They are vermin, these refugees", "discrimination.group_dehumanised") >= 0.85);
  CHECK(Rules("I hate them, those potholes on Fleet").empty());
}

TEST_CASE("harm grammar: a group named alone, then what it is", "[harm_grammar]") {
  CHECK(ScoreOf("Gay people? Disgusting, all of them.", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("Refugees. Vermin.", "discrimination.group_dehumanised") >= 0.85);
  // Said of something else named after it, or denied.
  CHECK(Rules("Seniors? Stupid schedule, the pool closes at 5.").empty());
  CHECK(Rules("Immigrants? Not vermin.").empty());
}

TEST_CASE("harm grammar: a group blamed for what goes wrong, and oaths made a name", "[harm_grammar]") {
  CHECK(ScoreOf("Sikhs are behind every war", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("Les Haïtiens sont responsables de tous nos problèmes", "discrimination.group_generalised") >= 0.5);
  CHECK(ScoreOf("Ces osties d'immigrés", "discrimination.group_insulted") >= 0.5);
  CHECK(Rules("The council is to blame for the budget, not the seniors' club").empty());
}

TEST_CASE("harm grammar: harm words that threaten no one", "[harm_grammar]") {
  for (const char* text : {"This printer should be shot", "I'm going to kill this essay tonight",
                           "I'll shoot you an email tomorrow", "He killed it at the concert",
                           "I'll burn you a copy of the new album for $5",
                           "The storm killed three trees", "Je vais tuer le temps au parc",
                           "I would never hurt you", "We should hang out at the pool"}) {
    INFO(text);
    CHECK(Rules(text).empty());
  }
}

TEST_CASE("harm grammar: negation, look-alikes and ordinary mentions stay clear", "[harm_grammar]") {
  for (const char* text : {"Immigrants are not vermin", "Les femmes ne sont pas inférieures",
                           "Not all Muslims are terrorists", "Muslims are my neighbours",
                           "Je suis musulmane et fière", "J'ai un vieux chien très doux",
                           "The rats in the park are back", "Women's swim is on Tuesday",
                           "Refugees should be allowed to work"}) {
    INFO(text);
    CHECK(Rules(text).empty());
  }
}

TEST_CASE("harm grammar: counter-speech disowns what it reports", "[harm_grammar]") {
  for (const char* text : {"Saying immigrants are vermin is disgusting.",
                           "Someone called the guards idiots. Not okay.",
                           "\"Muslims are rats\" — that is racist and wrong.",
                           "Dire que les juifs sont des parasites, c'est raciste."}) {
    INFO(text);
    HarmReading reading = ReadText(text);
    CHECK(reading.frames.counter_speech);
    CHECK(reading.reasons.empty());
  }
}

TEST_CASE("harm grammar: a question or a report is for a human", "[harm_grammar]") {
  CHECK(ScoreOf("Are immigrants criminals?", "discrimination.group_generalised") == Approx(0.6));
  CHECK(ScoreOf("My neighbour said gays are animals", "discrimination.group_dehumanised") == Approx(0.6));
  CHECK(ReadText("My neighbour said gays are animals").frames.reporting);
  // What others used to call someone is a report of the naming.
  CHECK(ReadText("Les pédés, c'est comme ça qu'on appelait mon oncle, et ça le blessait.").frames.reporting);
  CHECK(ReadText("They called him a kike all through school.").frames.reporting);
}

TEST_CASE("harm grammar: homonyms and self-reference", "[harm_grammar]") {
  CHECK(ReadText("A history of the Dutch dykes and the 1953 flood").frames.innocent_sense);
  CHECK(ReadText("As a proud dyke I loved the parade").frames.self_reference);
  CHECK(ReadText("Nous les gouines, on organise la marche").frames.self_reference);
  CHECK(HarmGrammar::BuiltIn().IsHomonym("dykes"));
  CHECK(!HarmGrammar::BuiltIn().IsHomonym("kikes"));
}

TEST_CASE("harm grammar: a group's name glued to a word of contempt", "[harm_grammar]") {
  for (const char* text : {"Sikh scum everywhere on this street", "Refugee trash keeps moving in",
                           "Lesbian filth at the library again", "Welfare bums should pay like us"}) {
    INFO(text);
    CHECK(ScoreOf(text, "discrimination.group_dehumanised") >= 0.85);
  }
  // Not after an age group, nor after anyone who is not a group: schedules and bins.
  for (const char* text : {"Seniors garbage pickup moved to Friday", "My neighbour trash bins blew over",
                           "Trash day for immigrants' building is Monday"}) {
    INFO(text);
    CHECK(ScoreOf(text, "discrimination.group_dehumanised") == 0);
  }
}

TEST_CASE("harm grammar: other forms of a group's name, FR and EN", "[harm_grammar]") {
  for (const char* text : {"Les Noires sont des animaux", "Les Maghrébines sont des parasites",
                           "Les étrangères sont des menteuses, toutes pareilles",
                           "An Arab is a savage"}) {
    INFO(text);
    CHECK(!Rules(text).empty());
  }
  // An insult for the disabled used as their name, with an exclusion.
  CHECK(ScoreOf("Les attardés devraient pas avoir accès au gymnase", "discrimination.group_excluded") >= 0.85);
  CHECK(Rules("Les voitures noires sont belles").empty());
}

TEST_CASE("harm grammar: a sexualised remark about an employee or a person", "[harm_grammar]") {
  CHECK(ScoreOf("The cashier at the arena is a total smokeshow", "staff_harassment.staff_sexualised") >= 0.7);
  CHECK(ScoreOf("La sauveteuse est bonasse en maudit", "staff_harassment.staff_sexualised") >= 0.7);
  CHECK(ScoreOf("I could stare at her all day, that lady at the bus stop", "abusive.sexualised_remark") >= 0.5);
  for (const char* text : {"It was only a matter of time", "The clerk was very helpful",
                           "Check out the new smoke detectors at the arena"}) {
    INFO(text);
    CHECK(Rules(text).empty());
  }
}

TEST_CASE("harm grammar: what staff decided or made is judged and not the staff", "[harm_grammar]") {
  CHECK(ScoreOf("The decision by urban planning is stupid", "abusive.insult_to_staff") == 0);
  CHECK(ScoreOf("The plan from the parks department is idiotic", "abusive.insult_to_staff") == 0);
  CHECK(ScoreOf("Le projet de la Ville est complètement débile", "abusive.insult_to_staff") == 0);
  CHECK(ScoreOf("The clerk at urban planning is stupid", "abusive.insult_to_staff") >= 0.5);
  CHECK(ScoreOf("The people of urban planning are idiots", "abusive.insult_to_staff") >= 0.5);
}

TEST_CASE("harm grammar: the impersonal French 'il' names no one", "[harm_grammar]") {
  CHECK(ScoreOf("Il faut tuer toutes les mauvaises herbes", "threat.harm_to_person") == 0);
  CHECK(ScoreOf("Il va falloir écraser les pucerons", "threat.harm_to_person") == 0);
  CHECK(ScoreOf("Il mérite qu'on le tue", "threat.harm_to_person") >= 0.5);
  CHECK(ScoreOf("Il faut le tuer, ce type", "threat.harm_to_person") >= 0.5);
}

TEST_CASE("harm grammar: a name for someone placed at their post names an employee", "[harm_grammar]") {
  CHECK(ScoreOf("The moron at the permits counter lost my file", "staff_harassment.staff_insulted") >= 0.7);
  CHECK(ScoreOf("L'imbécile du service des permis m'a raccroché au nez", "staff_harassment.staff_insulted") >= 0.7);
  // Not glued to the staff word, so not a name used as an adjective: not capped.
  CHECK(ScoreOf("The idiot at the front desk", "abusive.insult_to_staff") > 0.6);
  CHECK(Rules("The idiot proof form at the front desk works").find("staff_insulted") == std::string::npos);
}

TEST_CASE("harm grammar: a vulgar name for the reader or an employee is worse", "[harm_grammar]") {
  CHECK(ScoreOf("Vous êtes un connard", "abusive.insult_to_reader") >= 0.85);
  CHECK(ScoreOf("The librarian is an asshole", "staff_harassment.staff_insulted") >= 0.85);
  CHECK(ScoreOf("You are an idiot", "abusive.insult_to_reader") < 0.85);
  // A question or a quote stays for a human.
  CHECK(ScoreOf("Are you an asshole?", "abusive.insult_to_reader") <= 0.6);
  CHECK(Rules("My ex was never an asshole to me").empty());
}

TEST_CASE("harm grammar: a group named with where it comes from or which of them", "[harm_grammar]") {
  // Where they come from leaves the group whole.
  for (const char* text : {"Immigrants from the Middle East are inherently violent.",
                           "Les musulmans de ce quartier sont des rats."}) {
    INFO(text);
    CHECK(ReadText(text).reasons.size() >= 1);
    CHECK(ReadText(text).reasons.front().score >= 0.75);
  }
  // A relative clause narrows it to those who do something: a human weighs it.
  for (const char* text : {"Women who vote are idiots.", "Les immigrés qui arrivent sont des voleurs."}) {
    INFO(text);
    REQUIRE(ReadText(text).reasons.size() >= 1);
    for (const Reason& reason : ReadText(text).reasons) CHECK(reason.score == Approx(0.6));
  }
  // Said of them and denied, or nothing said of them at all: clear.
  for (const char* text : {"Immigrants from Syria are welcome here.", "Immigrants from Syria are not criminals.",
                           "Les femmes du club de lecture sont adorables."}) {
    INFO(text);
    CHECK(Rules(text).find("discrimination") == std::string::npos);
  }
}

TEST_CASE("harm grammar: a denial followed by what they are instead denies nothing", "[harm_grammar]") {
  for (const char* text : {"Les Arabes ne sont pas des hommes, ce sont des bêtes sauvages.",
                           "Muslims are not people, they are vermin."}) {
    INFO(text);
    CHECK(ScoreOf(text, "discrimination.group_dehumanised") >= 0.85);
  }
  // The other way round, the denial stands.
  for (const char* text : {"Immigrants are not animals, they are people.",
                           "Les immigrés ne sont pas des rats, ce sont des humains."}) {
    INFO(text);
    CHECK(Rules(text).empty());
  }
}

TEST_CASE("harm grammar: verbs of living and being born link as 'are' does", "[harm_grammar]") {
  CHECK(ScoreOf("Les Africains vivent encore comme des singes.", "discrimination.group_dehumanised") >= 0.85);
  CHECK(ScoreOf("Les Roms naissent voleurs.", "discrimination.group_generalised") >= 0.75);
  CHECK(Rules("Les Africains vivent à Montréal depuis des générations.").empty());
}

TEST_CASE("harm grammar: a bare modal excludes or protects by what follows it", "[harm_grammar]") {
  // Protecting or welcoming a group: nothing to find.
  for (const char* text : {"Women should never be afraid to walk home.",
                           "Les femmes ne devraient pas avoir peur de marcher seules le soir.",
                           "Seniors shouldn't have to wait three hours at the clinic.",
                           "Les immigrants devraient rester ici, on a besoin d'eux.",
                           "Aucune femme ne devrait avoir peur."}) {
    INFO(text);
    CHECK(Rules(text).empty());
  }
  // What is denied left unsaid, or said: a human reads it.
  for (const char* text : {"Women should never vote.", "Aucun juif ne devrait voter."}) {
    INFO(text);
    CHECK(ScoreOf(text, "discrimination.group_excluded") == Approx(0.6));
  }
  // Denied outright: as clear as any exclusion.
  CHECK(ScoreOf("Les gays devraient pas exister.", "discrimination.group_excluded") >= 0.85);
  CHECK(ScoreOf("Gays shouldn't be allowed to adopt.", "discrimination.group_excluded") >= 0.85);
}

TEST_CASE("harm grammar: an adjective or a group's name may qualify what a group is called", "[harm_grammar]") {
  CHECK(ScoreOf("Sikhs are all religious fanatics.", "discrimination.group_generalised") >= 0.75);
  CHECK(ScoreOf("Muslim guys are terrorists.", "discrimination.group_generalised") >= 0.75);
  for (const char* text : {"Muslims are peaceful people.", "Women are capable leaders.",
                           "Immigrants are hardworking taxpayers."}) {
    INFO(text);
    CHECK(Rules(text).empty());
  }
}

TEST_CASE("harm grammar: an exclusion slogan and a crowd of vermin", "[harm_grammar]") {
  CHECK(ScoreOf("Muslims out of Canada!", "discrimination.group_excluded") >= 0.85);
  CHECK(ScoreOf("Immigrants out!", "discrimination.group_excluded") >= 0.85);
  CHECK(Rules("Women out of the kitchen and into council!").empty());
  CHECK(ScoreOf("Les réfugiés, c'est une nuée de sauterelles.", "discrimination.group_dehumanised") >= 0.85);
}

TEST_CASE("harm grammar: rounding up, beating and atrocities wished on a group", "[harm_grammar]") {
  for (const char* text : {"We should round up the Pakistanis.", "Faudrait cogner les femmes.",
                           "Jews deserve another Holocaust."}) {
    INFO(text);
    CHECK(ScoreOf(text, "threat.harm_to_group") >= 0.85);
  }
  for (const char* text : {"We should round up volunteers for the park cleanup.",
                           "The Holocaust museum trip with the seniors club is on Sunday.",
                           "Faut cogner fort à la porte du chalet, la sonnette marche pas."}) {
    INFO(text);
    CHECK(Rules(text).empty());
  }
}

TEST_CASE("harm grammar: what is denied as untrue is not said", "[harm_grammar]") {
  for (const char* text : {"It is not true that immigrants are criminals.",
                           "I don't believe that immigrants are criminals.",
                           "Ce n'est pas vrai que les immigrants sont des criminels.",
                           "C'est faux de dire que les musulmans sont des terroristes."}) {
    INFO(text);
    CHECK(Rules(text).empty());
  }
  CHECK(ReadText("It is not true that immigrants are criminals.").frames.negated);
  CHECK(ScoreOf("It is true that immigrants are criminals.", "discrimination.group_generalised") >= 0.75);
}

}  // namespace
}  // namespace modbot
