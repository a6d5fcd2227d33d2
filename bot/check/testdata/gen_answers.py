import json
R=[] # (q, style, kind, answer)
def r(q,style,kind,a): R.append(dict(label="right",question=q,style=style,kind=kind,answer=a))
def w(q,style,kind,a): R.append(dict(label="wrong",question=q,style=style,kind=kind,answer=a))
G="gpt-4o-mini"; L="llama-3-8b"
# ---------------- right: close paraphrases
q="Who led the U.S. delegation at the Riyadh talks?"
r(q,G,"close","Secretary of State Marco Rubio led the U.S. delegation [[accompanied by former President Trump's envoy Steve Witkoff]].")
r(q,L,"close","According to passage [[Representing Washington were U.S. Secretary of State Marco Rubio]], Washington was represented by Secretary of State Marco Rubio, National Security Adviser Mike Waltz and Middle East envoy Steve Witkoff.")
r(q,G,"spelling","Marco Rubio led the delegation, with National Security Adviser Mike Waltz and envoy Steve Witkoff [[accompanied by former President Trump's envoy Steve Witkoff]].")
r(q,L,"spelling","The US delegation was led by Secretary of State Marco Rubio [[Rubio - who is already in the Saudi capital]].")
q="Which Russian officials took part in the talks?"
r(q,G,"close","Russian Foreign Minister Sergei Lavrov and Kremlin aide Yuri Ushakov represented Moscow [[Besides Ushkaov, Russian Foreign Minister Sergei Lavrov represented Moscow]].")
r(q,L,"spelling","Foreign Minister Sergey Lavrov and foreign policy adviser Yuri Ushakov took part for Russia [[Yuri Ushakov, joined Lavrov]].")
r(q,L,"spelling","Russia sent Foreign Minister Sergei Lavrov and Yury Ushakov, a Kremlin aide [[Besides Ushkaov, Russian Foreign Minister Sergei Lavrov represented Moscow]].")
q="In which building in Riyadh did the meeting take place?"
r(q,G,"close","The meeting took place at Diriyah Palace in Riyadh [[The meeting took place at the Diriyah Palace in Riyadh]].")
r(q,L,"loose","The talks were hosted at Diriyah Palace in Riyadh under the patronage of Crown Prince Mohammed bin Salman [[The meeting was hosted at Diriyah Palace in Riyadh]].")
r(q,L,"spelling","The talks were held at Diriyah Palace, under the patronage of Saudi Crown Prince MBS [[The meeting was hosted at Diriyah Palace in Riyadh]].")
q="How long did the meeting between the two delegations last?"
r(q,G,"close","The meeting lasted 4.5 hours [[when asked about the 4.5-hour meeting in Riyadh]].")
r(q,L,"loose","The meeting in Riyadh lasted about four and a half hours, according to passage [[when asked about the 4.5-hour meeting in Riyadh]].")
r(q,G,"loose","Kremlin aide Yury Ushakov described the roughly four-and-a-half-hour meeting as \"not bad\" [[when asked about the 4.5-hour meeting in Riyadh]].")
q="What did the two sides agree about their embassies?"
r(q,G,"close","Both sides agreed to take steps toward restoring embassy staffing [[restoring embassy staffing and establishing a high-level team]].")
r(q,L,"loose","Rubio said the U.S. and Russia agreed to restore staffing at their embassies and to set up a high-level team for negotiations [[restoring embassy staffing and establishing a high-level team]].")
r(q,G,"close","Lavrov said the two countries would remove obstacles to diplomacy and appoint new ambassadors in their capitals [[appoint new ambassadors in their respective capitals]].")
q="Were any Ukrainian officials at the meeting?"
r(q,G,"close","No, no Ukrainian officials were present at the meeting [[No Ukrainian officials were present at the meeting.]].")
r(q,L,"loose","Ukrainian officials did not attend the meeting in Riyadh [[no Ukrainian officials attended the meeting]].")
r(q,G,"loose","Ukrainian officials were absent from the talks [[No Ukrainian officials were present at the meeting.]].")
q="How did Zelensky react to being left out of the talks?"
r(q,G,"close","Zelensky announced he would postpone his planned trip to Saudi Arabia [[announced he would postpone his planned trip to Saudi Arabia this week]].")
r(q,L,"spelling","President Volodymyr Zelenskyy postponed his visit to Saudi Arabia and rescheduled it for March 10 [[rescheduling it for March 10]].")
r(q,L,"loose","Zelensky criticized the meeting for not including any representatives from Ukraine [[criticized the Russia-U.S. meeting in Saudia Arabia]].")
r(q,G,"close","Zelensky said Ukraine regards any negotiations held without its involvement as futile [[regards any negotiations held without its involvement as futile]].")
q="what's the palace called where they met"
r(q,G,"close","They met at Diriyah Palace in Riyadh [[The meeting took place at the Diriyah Palace in Riyadh]].")
q="whats witkoffs actual job"
r(q,G,"close","Steve Witkoff is President Trump's Middle East envoy [[Middle East envoy Steve Witkoff attended]].")
r(q,L,"loose","Witkoff is the White House Middle East envoy [[Steve Witkoff, White House Middle East envoy]].")
q="why are the europeans so salty about this"
r(q,G,"close","European nations have voiced concerns about their exclusion from the talks [[European nations have also voiced concerns about their exclusion from the talks]].")
r(q,L,"loose","European allies worry that Washington and Moscow may strike a deal without properly considering their interests [[who worry that Washington and Moscow may strike a deal]].")
q="where does trump wanna have his first sit-down w putin"
r(q,G,"close","Trump said his first face-to-face meeting with Putin would probably be in Saudi Arabia [[probably\" will be in Saudi Arabia]].")
q="does rubio think the us has to give stuff up too or just russia"
r(q,G,"close","Rubio said a resolution to the war would require concessions from both the United States and Russia [[would require concessions from both the United States and Russia]].")
r(q,L,"spelling","According to passage [[would require concessions from both the United States and Russia]], Rubio stated that ending the war in Ukraine would require concessions from both the US and Russia.")
q="where was rubio right before riyadh"
r(q,G,"close","Rubio was in Jerusalem, where he met Israeli Prime Minister Benjamin Netanyahu [[where he met with Israeli Prime Minister Benjamin Netanyahu]].")
q="who's tammy bruce"
r(q,G,"close","Tammy Bruce is the State Department spokeswoman [[State Department spokeswoman Tammy Bruce said in a statement]].")
r(q,L,"close","Tammy Bruce, a State Department spokesperson, said President Trump wants to stop the killing [[President Trump wants to stop the killing]].")
q="what does waltz think the real negotations will be about"
r(q,G,"close","Waltz said future negotiations would focus on territory and security guarantees [[Waltz also said future negotiations to end the war in Ukraine would focus on territory]].")
r(q,L,"spelling","National Security Advisor Mike Waltz said there is going to be some discussion of territory and of security guarantees [[The practical reality is that there is going to be some discussion of territory]].")
q="where was zelensky when he trashed the meeting"
r(q,G,"close","Zelensky was on a visit to Turkey when he criticized the meeting [[Zelensky said during a visit in Turkey on Tuesday]].")
q="did witkoff say if ukraine's gonna have to give up land"
r(q,G,"close","Witkoff declined to comment on potential concessions such as territorial compromises [[Witkoff declined to comment on potential concessions]].")
r(q,L,"loose","Witkoff did not comment on possible territorial concessions by Ukraine [[Witkoff declined to comment on potential concessions]].")
q="what did hegseth say abt ukraine getting its land back"
r(q,G,"close","Hegseth suggested Kyiv may need to abandon hopes of reclaiming all its lost territory [[Hegseth recently stated that NATO membership for Ukraine]].")
q="is ukraine getting into nato or what? whats the pentagon saying"
r(q,G,"close","Defense Secretary Pete Hegseth said NATO membership for Ukraine is unrealistic [[Hegseth recently stated that NATO membership for Ukraine]].")
r(q,L,"loose","Hegseth said NATO membership for Ukraine is not realistic [[Hegseth recently stated that NATO membership for Ukraine]].")
q="which countries want to go harder on russia"
r(q,G,"close","Poland, Finland and the Baltic states are advocating for a firmer stance [[countries such as Poland, Finland, and the Baltic states advocating for a firmer stance]].")
q="which saudi royal hosted the thing"
r(q,G,"close","The meeting was hosted under the patronage of Saudi Crown Prince Mohammed bin Salman [[under the patronage of Saudi Crown Prince Mohammed bin Salman]].")
r(q,L,"spelling","Crown Prince MBS hosted the talks at Diriyah Palace [[under the patronage of Saudi Crown Prince Mohammed bin Salman]].")
q="wait did ukraine even get a seat at the table"
r(q,G,"loose","No, Ukrainian officials were excluded from the Saudi talks [[While Ukrainian officials were excluded from the Saudi talks]].")
q="why does rubio say the eu has to be involved eventually"
r(q,G,"close","Rubio said the European Union will have to be at the table at some point because it has imposed sanctions on Russia [[The European Union is going to have to be at the table at some point]].")
r(q,L,"spelling","Rubio said the EU will have to be at the table at some point, because it has sanctions on Russia too [[The European Union is going to have to be at the table at some point]].")
r(q,G,"spelling","According to Rubio, the E.U. is going to have to be at the table because it has sanctions on Russia [[The European Union is going to have to be at the table at some point]].")
q="did ukraine manage to shoot down any of the drones"
r(q,G,"close","Ukraine's military said 176 drones were fired, with a significant number intercepted [[Ukraine’s military reported that 176 drones were fired]].")
r(q,L,"loose","Ukraine intercepted a significant number of the 176 drones Russia launched overnight [[Ukraine’s military reported that 176 drones were fired]].")
q="was this the first time the us and russia sat down since the invasion"
r(q,G,"close","Yes, they were the first direct talks since Moscow's full-scale invasion of Ukraine [[held their first direct talks since Moscow's full-scale invasion of Ukraine]].")
q="when did russia invade ukraine again?"
r(q,G,"close","Russia invaded Ukraine in February 2022 [[its invasion of Ukraine in February 2022]].")
q="compare how lavrov and witkoff described the meeting"
r(q,G,"close","Lavrov called the talks very useful [[Lavrov echoed similar sentiments, calling the discussions]], while Witkoff called them positive, upbeat and constructive [[special envoy Witkoff called the discussions with Russian delegates]].")
r(q,L,"close","1. Lavrov said the conversation was very useful [[The conversation was very useful]].\n2. Witkoff called the discussions positive, upbeat and constructive [[special envoy Witkoff called the discussions with Russian delegates]].")
q="France called an emergency meeting: who attended?"
r(q,G,"spelling","France called an emergency meeting with other EU leaders and the UK [[called an emergency meeting with other European Union leaders and the U.K.]].")
r(q,L,"spelling","French President Emmanuel Macron convened an emergency meeting with EU countries and Britain [[French President Emmanuel Macron convened an emergency meeting with European Union countries]].")
q="what did the Kremlin say about Putin meeting Zelensky?"
r(q,G,"close","The Kremlin indicated that Putin is prepared to meet Zelensky if necessary [[the Kremlin indicated that President Putin is prepared to meet with Zelensky]].")
q="What did Rubio say about the work ahead?"
r(q,G,"close","Rubio acknowledged that a lot of work remains before there is a result [[a lot of work remains before we have a result]].")
r(q,L,"close","Rubio said that today was just an agreement to begin that process [[Today was just an agreement to begin that process]].")
q="What happened in Dolynska?"
r(q,G,"close","In Dolynska, a Russian drone hit a residential building, injuring a mother and her two children and forcing the evacuation of 38 apartments [[forcing an evacuation of 38 apartments]].")
q="tldr what happened in riyadh?"
r(q,G,"loose","U.S. and Russian diplomats agreed to restore embassy staffing, form high-level teams for Ukraine peace talks and explore economic cooperation [[centered around three key objectives]].")
r(q,L,"close","The talks centered on three key objectives: restoring diplomatic staffing in embassies, forming a high-level team to facilitate Ukraine peace talks, and exploring economic collaboration [[centered around three key objectives]].")
# ---------------- wrong
q="How long did the meeting between the two delegations last?"
w(q,G,"number","The meeting lasted about three hours [[when asked about the 4.5-hour meeting in Riyadh]].")
w(q,L,"number","According to passage [[when asked about the 4.5-hour meeting in Riyadh]], the meeting in Riyadh lasted six hours.")
w(q,G,"number","The talks in Riyadh lasted two and a half hours [[when asked about the 4.5-hour meeting in Riyadh]].")
w(q,L,"number","The meeting lasted 5.5 hours, Ushakov told Channel One [[when asked about the 4.5-hour meeting in Riyadh]].")
q="did ukraine manage to shoot down any of the drones"
w(q,G,"number","Ukraine's military said 186 drones were fired, with a significant number intercepted [[Ukraine’s military reported that 176 drones were fired]].")
w(q,L,"number","Ukraine's military reported that about 250 drones were fired [[Ukraine’s military reported that 176 drones were fired]].")
q="What happened in Dolynska?"
w(q,G,"number","A Russian drone hit a residential building in Dolynska, forcing the evacuation of 83 apartments [[forcing an evacuation of 38 apartments]].")
w(q,L,"number","In Dolynska, a drone injured a mother and her three children [[forcing an evacuation of 38 apartments]].")
q="How did Zelensky react to being left out of the talks?"
w(q,G,"number","Zelensky postponed his visit to Saudi Arabia, rescheduling it for March 12 [[rescheduling it for March 10]].")
q="when did russia invade ukraine again?"
w(q,G,"number","Russia invaded Ukraine in February 2021 [[its invasion of Ukraine in February 2022]].")
q="tldr what happened in riyadh?"
w(q,L,"number","The talks centered around four key objectives, including restoring diplomatic staffing in embassies [[centered around three key objectives]].")
q="What about Khashoggi?"
w(q,G,"number","Crown Prince Mohammed has faced criticism over journalist Jamal Khashoggi's killing in 2016 [[journalist Jamal Khashoggi’s killing in 2018]].")
# negations / antonyms
q="is ukraine getting into nato or what? whats the pentagon saying"
w(q,G,"antonym","Hegseth said NATO membership for Ukraine remains a realistic goal [[Hegseth recently stated that NATO membership for Ukraine]].")
w(q,L,"negation","Defense Secretary Pete Hegseth did not say that NATO membership for Ukraine is unrealistic [[Hegseth recently stated that NATO membership for Ukraine]].")
q="Who led the U.S. delegation at the Riyadh talks?"
w(q,G,"negation","Marco Rubio did not lead the U.S. delegation [[accompanied by former President Trump's envoy Steve Witkoff]].")
q="Were any Ukrainian officials at the meeting?"
w(q,G,"negation","Yes, Ukrainian officials were present at the meeting [[No Ukrainian officials were present at the meeting.]].")
w(q,L,"negation","According to passage [[no Ukrainian officials attended the meeting]], Ukrainian officials attended the meeting in Riyadh.")
w(q,G,"antonym","Ukrainian officials were included in the Saudi talks [[While Ukrainian officials were excluded from the Saudi talks]].")
q="did they agree on a trump putin meeting"
w(q,G,"antonym","Ushakov said a meeting between Putin and Trump next week was likely [[a meeting between Russian President Vladimir Putin and U.S. President Donald Trump was]].")
w(q,L,"negation","A date was set for a meeting between Trump and Putin [[Although no date was set for a potential meeting]].")
q="compare how lavrov and witkoff described the meeting"
w(q,G,"antonym","Lavrov called the talks useless [[Lavrov echoed similar sentiments, calling the discussions]].")
w(q,L,"negation","Lavrov said the two delegations did not hear each other [[did not just listen to each other, but heard each other]].")
w(q,G,"antonym","Witkoff called the discussions negative and destructive [[special envoy Witkoff called the discussions with Russian delegates]].")
q="did witkoff say if ukraine's gonna have to give up land"
w(q,G,"negation","Witkoff commented on potential concessions, saying Ukraine would have to give up territory [[Witkoff declined to comment on potential concessions]].")
q="does rubio think the us has to give stuff up too or just russia"
w(q,G,"negation","Rubio said a resolution would not require concessions from the United States [[would require concessions from both the United States and Russia]].")
q="What did Rubio say about the work ahead?"
w(q,L,"antonym","Rubio said the question of Ukraine will be easy [[The second one will be difficult, which is the question of Ukraine]].")
w(q,G,"negation","Rubio said little work remains before there is a result [[a lot of work remains before we have a result]].")
q="wait did ukraine even get a seat at the table"
w(q,G,"negation","Yes, Ukraine was informed about the talks in advance [[stating that Ukraine had not been informed about the talks]].")
q="What did the two sides agree about their embassies?"
w(q,L,"antonym","Rubio said both countries agreed to reduce embassy staffing [[restoring embassy staffing and establishing a high-level team]].")
q="what did the Kremlin say about Putin meeting Zelensky?"
w(q,G,"negation","The Kremlin said Putin is not prepared to meet with Zelensky [[the Kremlin indicated that President Putin is prepared to meet with Zelensky]].")
q="Did the US think allies were consulted?"
w(q,G,"negation","Waltz said U.S. officials had not spoken with Ukrainian and European leaders [[Shuttle diplomacy has happened throughout history]].")
# wrong speaker
q="did they agree on a trump putin meeting"
w(q,G,"speaker","Trump said the meeting with Putin could be very soon [[a meeting between Russian President Vladimir Putin and U.S. President Donald Trump was]].")
w(q,L,"speaker","Lavrov said a Putin-Trump meeting next week was unlikely [[a meeting between Russian President Vladimir Putin and U.S. President Donald Trump was]].")
q="compare how lavrov and witkoff described the meeting"
w(q,G,"speaker","Rubio called the discussions positive, upbeat and constructive [[special envoy Witkoff called the discussions with Russian delegates]].")
w(q,L,"speaker","Witkoff said the conversation was very useful [[The conversation was very useful]].")
q="who's tammy bruce"
w(q,G,"speaker","Rubio said President Trump wants to stop the killing [[President Trump wants to stop the killing]].")
q="what does waltz think the real negotations will be about"
w(q,G,"speaker","Rubio said future negotiations would focus on territory and security guarantees [[Waltz also said future negotiations to end the war in Ukraine would focus on territory]].")
w(q,L,"speaker","Lavrov said the practical reality is that there is going to be some discussion of territory [[The practical reality is that there is going to be some discussion of territory]].")
q="What did Rubio say about the work ahead?"
w(q,G,"speaker","Lavrov acknowledged that a lot of work remains before there is a result [[a lot of work remains before we have a result]].")
q="is ukraine getting into nato or what? whats the pentagon saying"
w(q,G,"speaker","Waltz said NATO membership for Ukraine is unrealistic [[Hegseth recently stated that NATO membership for Ukraine]].")
q="How long did the meeting between the two delegations last?"
w(q,L,"speaker","Lavrov told Channel One that the 4.5-hour meeting was not bad [[when asked about the 4.5-hour meeting in Riyadh]].")
q="Did the US think allies were consulted?"
w(q,G,"speaker","Witkoff said shuttle diplomacy has happened throughout history [[Shuttle diplomacy has happened throughout history]].")
q="where does trump wanna have his first sit-down w putin"
w(q,G,"speaker","Zelensky said the meeting between Trump and Putin could be very soon [[but it could be very soon]].")
# invented names / claims
q="Who led the U.S. delegation at the Riyadh talks?"
w(q,G,"name","Marco Rubio led the U.S. delegation, accompanied by Vice President JD Vance [[accompanied by former President Trump's envoy Steve Witkoff]].")
w(q,L,"name","Secretary of State Marco Rubio led the delegation with Secretary of Defense Pete Hegseth [[Representing Washington were U.S. Secretary of State Marco Rubio]].")
q="Which Russian officials took part in the talks?"
w(q,G,"name","Sergei Lavrov and Dmitry Peskov represented Moscow at the meeting [[Besides Ushkaov, Russian Foreign Minister Sergei Lavrov represented Moscow]].")
w(q,L,"name","Russia was represented by Sergei Lavrov and Kirill Dmitriev [[Yuri Ushakov, joined Lavrov]].")
q="In which building in Riyadh did the meeting take place?"
w(q,G,"name","The meeting took place at the Ritz-Carlton in Riyadh [[The meeting took place at the Diriyah Palace in Riyadh]].")
w(q,L,"name","The meeting took place at Al Yamamah Palace in Riyadh [[The meeting was hosted at Diriyah Palace in Riyadh]].")
q="who's tammy bruce"
w(q,G,"claim","Bruce said President Trump wants an immediate ceasefire and the lifting of sanctions [[President Trump wants to stop the killing]].")
q="where was rubio right before riyadh"
w(q,G,"name","Rubio was in Cairo, where he met Egyptian President Abdel Fattah el-Sisi [[where he met with Israeli Prime Minister Benjamin Netanyahu]].")
q="where was zelensky when he trashed the meeting"
w(q,G,"name","Zelensky criticized the meeting during a visit to Germany [[Zelensky said during a visit in Turkey on Tuesday]].")
q="which saudi royal hosted the thing"
w(q,L,"name","The talks were hosted by King Salman at Diriyah Palace [[under the patronage of Saudi Crown Prince Mohammed bin Salman]].")
q="What did the two sides agree about their embassies?"
w(q,G,"claim","Both sides agreed to lift all sanctions and reopen direct flights between Moscow and Washington [[restoring embassy staffing and establishing a high-level team]].")
q="what did Lavrov say?"
w(q,L,"claim","Lavrov said Russia would withdraw its troops from Ukraine and pay reparations [[The conversation was very useful]].")
q="Did the US think allies were consulted?"
w(q,G,"claim","Waltz said Ukraine and Europe would be given a veto over any deal [[Shuttle diplomacy has happened throughout history]].")
q="why does rubio say the eu has to be involved eventually"
w(q,G,"claim","Rubio said the European Union must immediately lift its sanctions on Russia [[The European Union is going to have to be at the table at some point]].")
q="What did Rubio say about the work ahead?"
w(q,L,"claim","Rubio said the United States would recognize Crimea as Russian territory [[The second one will be difficult, which is the question of Ukraine]].")
# added list items
q="which countries want to go harder on russia"
w(q,G,"list","Poland, Finland, Germany and the Baltic states are advocating for a firmer stance [[countries such as Poland, Finland, and the Baltic states advocating for a firmer stance]].")
w(q,L,"list","Countries such as Poland, Finland, Italy and the Baltic states want a firmer stance [[countries such as Poland, Finland, and the Baltic states advocating for a firmer stance]].")
q="Who led the U.S. delegation at the Riyadh talks?"
w(q,G,"list","Washington was represented by Marco Rubio, Mike Waltz, Steve Witkoff and Pete Hegseth [[Representing Washington were U.S. Secretary of State Marco Rubio]].")
# dependent sentence (leans on a wrong one)
q="Who led the U.S. delegation at the Riyadh talks?"
w(q,L,"dependent","Vice President JD Vance led the U.S. delegation [[accompanied by former President Trump's envoy Steve Witkoff]]. He was accompanied by envoy Steve Witkoff and National Security Advisor Mike Waltz [[accompanied by former President Trump's envoy Steve Witkoff]].")
q="France called an emergency meeting: who attended?"
w(q,G,"list","Macron convened an emergency meeting with European Union countries, the United Kingdom and Canada [[French President Emmanuel Macron convened an emergency meeting with European Union countries]].")
q="What did the Kremlin say about Putin meeting Zelensky?"
w(q,L,"number","The Kremlin said Putin is prepared to meet with Zelensky within 30 days [[the Kremlin indicated that President Putin is prepared to meet with Zelensky]].")
with open("answers.jsonl","w") as f:
    for x in R: f.write(json.dumps(x, ensure_ascii=False)+"\n")
import collections; print(collections.Counter(x["label"] for x in R))
