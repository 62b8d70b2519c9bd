"""Fictional demo content for program feedback, in every site language."""

SURVEY = {
    "slug": "give-feedback",
    "title": {
        "en": "Tell us how the program is going",
        "es": "Cuéntanos cómo va el programa",
        "fr": "Dites-nous comment se passe le programme",
        "pt": "Conte-nos como está sendo o programa",
        "hi": "हमें बताइए कि कार्यक्रम कैसा चल रहा है",
        "sw": "Tuambie jinsi mpango unavyoendelea",
        "km": "ប្រាប់យើងថាកម្មវិធីនេះដំណើរការយ៉ាងដូចម្តេច",
        "ar": "أخبرنا كيف يسير البرنامج",
    },
    "intro": {
        "en": "Your answers help the program change what does not work for you. This is a sample survey on a demonstration site.",
        "es": "Tus respuestas ayudan al programa a cambiar lo que no te funciona. Esta es una encuesta de muestra en un sitio de demostración.",
        "fr": "Vos réponses aident le programme à changer ce qui ne vous convient pas. Ceci est une enquête d’exemple sur un site de démonstration.",
        "pt": "As suas respostas ajudam o programa a mudar o que não funciona para você. Esta é uma pesquisa de exemplo num site de demonstração.",
        "hi": "आपके जवाब कार्यक्रम को वह बदलने में मदद करते हैं जो आपके लिए ठीक नहीं है। यह एक प्रदर्शन साइट पर नमूना सर्वेक्षण है।",
        "sw": "Majibu yako yanasaidia mpango kubadilisha yasiyokufaa. Huu ni utafiti wa mfano kwenye tovuti ya maonyesho.",
        "km": "ចម្លើយរបស់អ្នកជួយកម្មវិធីឱ្យផ្លាស់ប្តូរអ្វីដែលមិនល្អសម្រាប់អ្នក។ នេះជាការស្ទង់មតិគំរូនៅលើគេហទំព័របង្ហាញសាកល្បង។",
        "ar": "تساعد إجاباتك البرنامج على تغيير ما لا يناسبك. هذا استبيان تجريبي على موقع للعرض.",
    },
    "thank_you": {
        "en": "Thank you for taking the time. What you said will be read with care.",
        "es": "Gracias por tu tiempo. Lo que dijiste se leerá con cuidado.",
        "fr": "Merci d’avoir pris le temps. Ce que vous avez dit sera lu avec attention.",
        "pt": "Obrigado pelo seu tempo. O que você disse será lido com cuidado.",
        "hi": "समय देने के लिए धन्यवाद। आपने जो कहा उसे ध्यान से पढ़ा जाएगा।",
        "sw": "Asante kwa kutenga muda. Ulichosema kitasomwa kwa makini.",
        "km": "សូមអរគុណដែលបានចំណាយពេល។ អ្វីដែលអ្នកបាននិយាយនឹងត្រូវបានអានដោយយកចិត្តទុកដាក់។",
        "ar": "شكرًا لك على وقتك. سيُقرأ ما قلته بعناية.",
    },
}

# (type, domain code or None, reverse scored, texts, help texts, options per language or None)
QUESTIONS = [
    {
        "key": "safe-where-i-live",
        "type": "likert",
        "domain": "safety",
        "text": {
            "en": "I feel safe where I live now.",
            "es": "Me siento segura o seguro donde vivo ahora.",
            "fr": "Je me sens en sécurité là où je vis maintenant.",
            "pt": "Sinto-me em segurança onde vivo agora.",
            "hi": "मैं अभी जहाँ रहती/रहता हूँ, वहाँ सुरक्षित महसूस करती/करता हूँ।",
            "sw": "Ninajisikia salama mahali ninapoishi sasa.",
            "km": "ខ្ញុំមានអារម្មណ៍សុវត្ថិភាពនៅកន្លែងដែលខ្ញុំរស់នៅឥឡូវនេះ។",
            "ar": "أشعر بالأمان في المكان الذي أعيش فيه الآن.",
        },
        "help": {
            "en": "Think about the last month.",
            "es": "Piensa en el último mes.",
            "fr": "Pensez au dernier mois.",
            "pt": "Pense no último mês.",
            "hi": "पिछले एक महीने के बारे में सोचिए।",
            "sw": "Fikiria kuhusu mwezi uliopita.",
            "km": "សូមគិតអំពីខែមុន។",
            "ar": "فكّر في الشهر الماضي.",
        },
    },
    {
        "key": "able-to-get-through-the-day",
        "type": "likert",
        "domain": "mental_wellbeing",
        "text": {
            "en": "Most days I feel able to get through the day.",
            "es": "La mayoría de los días me siento capaz de sobrellevar el día.",
            "fr": "La plupart des jours, je me sens capable de passer la journée.",
            "pt": "Na maioria dos dias sinto que consigo enfrentar o dia.",
            "hi": "ज़्यादातर दिनों में मुझे लगता है कि मैं दिन ठीक से निकाल सकती/सकता हूँ।",
            "sw": "Siku nyingi najisikia naweza kumaliza siku.",
            "km": "ភាគច្រើនថ្ងៃ ខ្ញុំមានអារម្មណ៍ថាអាចឆ្លងកាត់មួយថ្ងៃបាន។",
            "ar": "في معظم الأيام أشعر أنني قادر على تجاوز يومي.",
        },
        "help": {
            "en": "If you want to talk to someone, you can ask the program staff. Where this program has a helpline, it is shown at the top of this page.",
            "es": "Si quieres hablar con alguien, puedes pedírselo al personal del programa. Si este programa tiene una línea de ayuda, aparece al principio de esta página.",
            "fr": "Si vous voulez parler à quelqu’un, vous pouvez le demander à l’équipe du programme. Si ce programme a une ligne d’écoute, elle figure en haut de cette page.",
            "pt": "Se quiser falar com alguém, pode pedir à equipe do programa. Se este programa tiver uma linha de apoio, ela aparece no topo desta página.",
            "hi": "अगर आप किसी से बात करना चाहते हैं, तो कार्यक्रम के कर्मचारियों से कह सकते हैं। अगर इस कार्यक्रम की कोई हेल्पलाइन है, तो वह इस पेज के ऊपर दिखाई देती है।",
            "sw": "Ukitaka kuzungumza na mtu, unaweza kuwaomba wafanyakazi wa mpango. Ikiwa mpango huu una nambari ya msaada, inaonyeshwa juu ya ukurasa huu.",
            "km": "ប្រសិនបើអ្នកចង់និយាយជាមួយនរណាម្នាក់ អ្នកអាចសួរបុគ្គលិកកម្មវិធី។ ប្រសិនបើកម្មវិធីនេះមានខ្សែជំនួយ វាត្រូវបានបង្ហាញនៅខាងលើទំព័រនេះ។",
            "ar": "إذا أردت التحدث مع أحد، يمكنك أن تطلب ذلك من فريق البرنامج. إذا كان لهذا البرنامج خط مساعدة، فهو يظهر في أعلى هذه الصفحة.",
        },
    },
    {
        "key": "legal-options-explained",
        "type": "yes_no_unsure",
        "domain": "legal_protection",
        "text": {
            "en": "Did the program explain your legal options in a way you understood?",
            "es": "¿El programa te explicó tus opciones legales de una forma que entendiste?",
            "fr": "Le programme vous a-t-il expliqué vos options juridiques d’une manière que vous avez comprise ?",
            "pt": "O programa explicou as suas opções legais de uma forma que você entendeu?",
            "hi": "क्या कार्यक्रम ने आपके क़ानूनी विकल्प ऐसे समझाए कि आप समझ सकें?",
            "sw": "Je, mpango ulikueleza chaguo zako za kisheria kwa njia uliyoielewa?",
            "km": "តើកម្មវិធីបានពន្យល់អំពីជម្រើសផ្លូវច្បាប់របស់អ្នក តាមរបៀបដែលអ្នកយល់ដែរឬទេ?",
            "ar": "هل شرح لك البرنامج خياراتك القانونية بطريقة فهمتها؟",
        },
        "help": {},
    },
    {
        "key": "confident-earning",
        "type": "scale_0_10",
        "domain": "economic_empowerment_education",
        "text": {
            "en": "How confident are you that you can earn enough to live on?",
            "es": "¿Qué tan segura o seguro estás de poder ganar lo suficiente para vivir?",
            "fr": "À quel point êtes-vous confiant de pouvoir gagner assez pour vivre ?",
            "pt": "Quão confiante está de que consegue ganhar o suficiente para viver?",
            "hi": "आपको कितना भरोसा है कि आप गुज़ारे लायक कमा सकती/सकते हैं?",
            "sw": "Una uhakika kiasi gani kwamba unaweza kupata kipato cha kutosha kuishi?",
            "km": "តើអ្នកមានទំនុកចិត្តកម្រិតណាថា អ្នកអាចរកប្រាក់បានគ្រប់គ្រាន់ដើម្បីរស់នៅ?",
            "ar": "ما مدى ثقتك بأنك تستطيع أن تكسب ما يكفي للعيش؟",
        },
        "help": {
            "en": "0 means not at all, 10 means completely.",
            "es": "0 significa nada, 10 significa totalmente.",
            "fr": "0 signifie pas du tout, 10 signifie complètement.",
            "pt": "0 significa nada, 10 significa totalmente.",
            "hi": "0 का मतलब बिल्कुल नहीं, 10 का मतलब पूरी तरह।",
            "sw": "0 inamaanisha hata kidogo, 10 inamaanisha kabisa.",
            "km": "0 មានន័យថាមិនសោះ ហើយ 10 មានន័យថាទាំងស្រុង។",
            "ar": "0 تعني إطلاقًا، و10 تعني تمامًا.",
        },
    },
    {
        "key": "people-to-turn-to",
        "type": "likert",
        "domain": "social_support",
        "text": {
            "en": "I have people I can turn to when I need help.",
            "es": "Tengo personas a quienes acudir cuando necesito ayuda.",
            "fr": "J’ai des personnes vers qui me tourner quand j’ai besoin d’aide.",
            "pt": "Tenho pessoas a quem recorrer quando preciso de ajuda.",
            "hi": "मेरे पास ऐसे लोग हैं जिनसे मैं ज़रूरत पड़ने पर मदद माँग सकती/सकता हूँ।",
            "sw": "Nina watu ninaoweza kuwaendea ninapohitaji msaada.",
            "km": "ខ្ញុំមានមនុស្សដែលខ្ញុំអាចពឹងពាក់បាន នៅពេលខ្ញុំត្រូវការជំនួយ។",
            "ar": "لدي أشخاص ألجأ إليهم عندما أحتاج إلى المساعدة.",
        },
        "help": {},
    },
    {
        "key": "contact-with-staff",
        "type": "single_choice",
        "domain": None,
        "text": {
            "en": "How often were you in contact with program staff?",
            "es": "¿Con qué frecuencia tuviste contacto con el personal del programa?",
            "fr": "À quelle fréquence avez-vous été en contact avec l’équipe du programme ?",
            "pt": "Com que frequência teve contacto com a equipa do programa?",
            "hi": "आप कार्यक्रम के कर्मचारियों से कितनी बार संपर्क में रहीं/रहे?",
            "sw": "Ulikuwa ukiwasiliana na wafanyakazi wa mpango mara ngapi?",
            "km": "តើអ្នកបានទាក់ទងជាមួយបុគ្គលិកកម្មវិធីញឹកញាប់ប៉ុណ្ណា?",
            "ar": "كم مرة كنت على تواصل مع فريق البرنامج؟",
        },
        "help": {},
        "options": {
            "en": ["Every week", "Every month", "Less than once a month", "Never"],
            "es": ["Cada semana", "Cada mes", "Menos de una vez al mes", "Nunca"],
            "fr": ["Chaque semaine", "Chaque mois", "Moins d’une fois par mois", "Jamais"],
            "pt": ["Todas as semanas", "Todos os meses", "Menos de uma vez por mês", "Nunca"],
            "hi": ["हर हफ़्ते", "हर महीने", "महीने में एक बार से कम", "कभी नहीं"],
            "sw": ["Kila wiki", "Kila mwezi", "Chini ya mara moja kwa mwezi", "Kamwe"],
            "km": ["រៀងរាល់សប្តាហ៍", "រៀងរាល់ខែ", "តិចជាងម្តងក្នុងមួយខែ", "មិនដែល"],
            "ar": ["كل أسبوع", "كل شهر", "أقل من مرة في الشهر", "أبدًا"],
        },
    },
    {
        "key": "support-that-helped",
        "type": "multiple_choice",
        "domain": None,
        "text": {
            "en": "Which kinds of support helped you?",
            "es": "¿Qué tipos de apoyo te ayudaron?",
            "fr": "Quels types de soutien vous ont aidé ?",
            "pt": "Que tipos de apoio a ajudaram?",
            "hi": "किस तरह की सहायता से आपको मदद मिली?",
            "sw": "Ni aina gani za msaada zilizokusaidia?",
            "km": "តើការគាំទ្រប្រភេទណាខ្លះដែលបានជួយអ្នក?",
            "ar": "ما أنواع الدعم التي ساعدتك؟",
        },
        "help": {
            "en": "Tick as many as you like.",
            "es": "Marca todas las que quieras.",
            "fr": "Cochez autant de cases que vous voulez.",
            "pt": "Marque quantas quiser.",
            "hi": "जितने चाहें उतने चुनिए।",
            "sw": "Chagua nyingi kadiri unavyopenda.",
            "km": "សូមគូសចំណាំច្រើនតាមដែលអ្នកចង់។",
            "ar": "اختر ما تشاء منها.",
        },
        "options": {
            "en": [
                "Counselling",
                "Legal help",
                "Health care",
                "Training or school",
                "Help finding work",
                "A safe place to stay",
            ],
            "es": [
                "Apoyo psicológico",
                "Ayuda legal",
                "Atención de salud",
                "Formación o escuela",
                "Ayuda para encontrar trabajo",
                "Un lugar seguro donde quedarme",
            ],
            "fr": [
                "Accompagnement psychologique",
                "Aide juridique",
                "Soins de santé",
                "Formation ou école",
                "Aide pour trouver du travail",
                "Un endroit sûr où loger",
            ],
            "pt": [
                "Apoio psicológico",
                "Ajuda jurídica",
                "Cuidados de saúde",
                "Formação ou escola",
                "Ajuda para encontrar trabalho",
                "Um lugar seguro para ficar",
            ],
            "hi": ["परामर्श", "क़ानूनी मदद", "स्वास्थ्य सेवा", "प्रशिक्षण या स्कूल", "काम ढूँढने में मदद", "रहने की सुरक्षित जगह"],
            "sw": [
                "Ushauri nasaha",
                "Msaada wa kisheria",
                "Huduma za afya",
                "Mafunzo au shule",
                "Msaada wa kutafuta kazi",
                "Mahali salama pa kukaa",
            ],
            "km": [
                "ការប្រឹក្សា",
                "ជំនួយផ្លូវច្បាប់",
                "ការថែទាំសុខភាព",
                "ការបណ្តុះបណ្តាល ឬសាលារៀន",
                "ជំនួយក្នុងការស្វែងរកការងារ",
                "កន្លែងស្នាក់នៅដែលមានសុវត្ថិភាព",
            ],
            "ar": [
                "الإرشاد النفسي",
                "المساعدة القانونية",
                "الرعاية الصحية",
                "التدريب أو المدرسة",
                "المساعدة في إيجاد عمل",
                "مكان آمن للإقامة",
            ],
        },
    },
    {
        "key": "what-could-be-better",
        "type": "free_text",
        "domain": None,
        "text": {
            "en": "What could the program do better?",
            "es": "¿Qué podría hacer mejor el programa?",
            "fr": "Qu’est-ce que le programme pourrait faire mieux ?",
            "pt": "O que o programa poderia fazer melhor?",
            "hi": "कार्यक्रम क्या बेहतर कर सकता है?",
            "sw": "Mpango unaweza kufanya nini vizuri zaidi?",
            "km": "តើកម្មវិធីអាចធ្វើអ្វីឱ្យបានល្អជាងនេះ?",
            "ar": "ما الذي يمكن أن يفعله البرنامج بشكل أفضل؟",
        },
        "help": {
            "en": "In your own words. Please do not write names or contact details.",
            "es": "Con tus propias palabras. Por favor, no escribas nombres ni datos de contacto.",
            "fr": "Avec vos propres mots. Merci de ne pas écrire de noms ni de coordonnées.",
            "pt": "Com as suas palavras. Por favor, não escreva nomes nem contactos.",
            "hi": "अपने शब्दों में। कृपया नाम या संपर्क जानकारी न लिखें।",
            "sw": "Kwa maneno yako mwenyewe. Tafadhali usiandike majina wala mawasiliano.",
            "km": "ជាពាក្យសម្តីផ្ទាល់ខ្លួនរបស់អ្នក។ សូមកុំសរសេរឈ្មោះ ឬព័ត៌មានទំនាក់ទំនង។",
            "ar": "بكلماتك الخاصة. من فضلك لا تكتب أسماء أو بيانات اتصال.",
        },
    },
]

PROGRAMS = [
    {
        "code": "sample-ke-aftercare",
        "country": "Kenya",
        "organisation": "Sample Aftercare Trust (fictional)",
        "casework_types": ["police_abuse", "property_grabbing"],
        "languages": ["sw", "en"],
        "name": {
            "en": "Sample aftercare program, Kenya",
            "es": "Programa de acompañamiento de muestra, Kenia",
            "fr": "Programme d’accompagnement d’exemple, Kenya",
            "pt": "Programa de acompanhamento de exemplo, Quénia",
            "hi": "नमूना देखभाल कार्यक्रम, केन्या",
            "sw": "Mpango wa mfano wa huduma baada ya msaada, Kenya",
            "km": "កម្មវិធីថែទាំគំរូ ប្រទេសកេនយ៉ា",
            "ar": "برنامج رعاية تجريبي، كينيا",
        },
    },
    {
        "code": "sample-in-restoration",
        "country": "India",
        "organisation": "Sample Restoration Society (fictional)",
        "casework_types": ["bonded_labour", "forced_labour"],
        "languages": ["hi", "en"],
        "name": {
            "en": "Sample restoration program, India",
            "es": "Programa de restauración de muestra, India",
            "fr": "Programme de reconstruction d’exemple, Inde",
            "pt": "Programa de restauração de exemplo, Índia",
            "hi": "नमूना पुनर्वास कार्यक्रम, भारत",
            "sw": "Mpango wa mfano wa urejeshaji, India",
            "km": "កម្មវិធីស្តារឡើងវិញគំរូ ប្រទេសឥណ្ឌា",
            "ar": "برنامج تعافٍ تجريبي، الهند",
        },
    },
    {
        "code": "sample-kh-survivor-care",
        "country": "Cambodia",
        "organisation": "Sample Survivor Care (fictional)",
        "casework_types": ["osec", "forced_labour"],
        "languages": ["km", "en"],
        "name": {
            "en": "Sample survivor care program, Cambodia",
            "es": "Programa de atención a sobrevivientes de muestra, Camboya",
            "fr": "Programme d’aide aux survivants d’exemple, Cambodge",
            "pt": "Programa de cuidado a sobreviventes de exemplo, Camboja",
            "hi": "नमूना उत्तरजीवी देखभाल कार्यक्रम, कंबोडिया",
            "sw": "Mpango wa mfano wa huduma kwa manusura, Kambodia",
            "km": "កម្មវិធីថែទាំអ្នករួចរស់ជីវិតគំរូ ប្រទេសកម្ពុជា",
            "ar": "برنامج تجريبي لرعاية الناجين، كمبوديا",
        },
    },
    {
        "code": "sample-br-acolhimento",
        "country": "Brazil",
        "organisation": "Sample Acolhimento Network (fictional)",
        "casework_types": ["vawc", "sex_trafficking"],
        "languages": ["pt", "es"],
        "name": {
            "en": "Sample shelter program, Brazil",
            "es": "Programa de acogida de muestra, Brasil",
            "fr": "Programme d’accueil d’exemple, Brésil",
            "pt": "Programa de acolhimento de exemplo, Brasil",
            "hi": "नमूना आश्रय कार्यक्रम, ब्राज़ील",
            "sw": "Mpango wa mfano wa makazi, Brazili",
            "km": "កម្មវិធីទីជម្រកគំរូ ប្រទេសប្រេស៊ីល",
            "ar": "برنامج إيواء تجريبي، البرازيل",
        },
    },
]

DESCRIPTION = {
    "en": "Sample content: this program is fictional and exists only on the demonstration site.",
    "es": "Contenido de muestra: este programa es ficticio y solo existe en el sitio de demostración.",
    "fr": "Contenu d’exemple : ce programme est fictif et n’existe que sur le site de démonstration.",
    "pt": "Conteúdo de exemplo: este programa é fictício e só existe no site de demonstração.",
    "hi": "नमूना सामग्री: यह कार्यक्रम काल्पनिक है और केवल प्रदर्शन साइट पर मौजूद है।",
    "sw": "Maudhui ya mfano: mpango huu ni wa kubuni na upo tu kwenye tovuti ya maonyesho.",
    "km": "មាតិកាគំរូ៖ កម្មវិធីនេះគឺប្រឌិត ហើយមានតែនៅលើគេហទំព័របង្ហាញសាកល្បងប៉ុណ្ណោះ។",
    "ar": "محتوى تجريبي: هذا البرنامج خيالي وموجود على موقع العرض فقط.",
}

# Fictional free-text answers for generated responses (the redaction shows on the third one).
FREE_TEXT = [
    "More evening sessions would help, I work during the day.",
    "The counsellor listened to me. Please keep her.",
    "Call me on 0712 345 678 if you need more details.",
    "Waiting times at the legal clinic were too long.",
    "It would help to have sessions in my own language.",
]

DEMO_STAFF_USERNAME = "demo-program-staff"
DEMO_STAFF_PASSWORD = "sample-staff-password-2026"

# The program answers to survivors: (program code, [answers, cycled over the ended quarters]).
# Each field: {language: lines}. The third and fourth programs have not answered.
SURVIVOR_LEADER_USERNAME = "survivor-leader"
SURVIVOR_LEADER_PASSWORD = "demo-survivor-leader-password"
# A fixed, public demo secret so that the printed login works with any authenticator app.
SURVIVOR_LEADER_TOTP_SECRET = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"

ANSWERS = {
    "sample-ke-aftercare": [
        {
            "you_said": {
                "en": "Waiting for counselling took too long.\nMany of you wanted help finding work.",
                "sw": "Kusubiri ushauri kulichukua muda mrefu.\nWengi wenu mlitaka msaada wa kupata kazi.",
                "ar": "استغرق انتظار الإرشاد وقتا طويلا.\nأراد كثير منكم مساعدة في إيجاد عمل.",
            },
            "we_did": {
                "en": "We added a second counsellor on Tuesdays and Thursdays.\nWe started a weekly job club.",
                "sw": "Tuliongeza mshauri wa pili Jumanne na Alhamisi.\nTulianzisha klabu ya kazi kila wiki.",
                "ar": "أضفنا مرشدا ثانيا يومي الثلاثاء والخميس.\nبدأنا نادي عمل أسبوعيا.",
            },
            "next_steps": {
                "en": "Evening sessions for people who work during the day.",
                "sw": "Vipindi vya jioni kwa wanaofanya kazi mchana.",
                "ar": "جلسات مسائية لمن يعملون في النهار.",
            },
        },
        {
            "you_said": {
                "en": "You felt safer, but the legal steps were hard to follow.",
                "sw": "Mlijisikia salama zaidi, lakini hatua za kisheria zilikuwa ngumu kufuata.",
                "ar": "شعرتم بأمان أكبر، لكن الخطوات القانونية كانت صعبة الفهم.",
            },
            "we_did": {
                "en": "A lawyer now explains each step in Swahili and English.\nWe wrote a one-page guide to the court process.",
                "sw": "Wakili sasa anaeleza kila hatua kwa Kiswahili na Kiingereza.\nTuliandika mwongozo wa ukurasa mmoja wa mchakato wa mahakama.",
                "ar": "يشرح محام الآن كل خطوة بالسواحلية والإنجليزية.\nكتبنا دليلا من صفحة واحدة عن إجراءات المحكمة.",
            },
            "next_steps": {},
        },
    ],
    "sample-in-restoration": [
        {
            "you_said": {
                "en": "The shelter was safe, but you wanted more say in daily rules.",
                "hi": "आश्रय सुरक्षित था, पर आप रोज़ के नियमों में ज़्यादा राय चाहते थे।",
                "ar": "كان المأوى آمنا، لكنكم أردتم رأيا أكبر في القواعد اليومية.",
            },
            "we_did": {
                "en": "Residents now meet staff every month to agree the rules.",
                "hi": "अब निवासी हर महीने कर्मचारियों से मिलकर नियम तय करते हैं।",
                "ar": "يلتقي المقيمون الآن بالموظفين كل شهر للاتفاق على القواعد.",
            },
            "next_steps": {
                "en": "A survivor-led committee to review complaints.",
                "hi": "शिकायतों की समीक्षा के लिए सर्वाइवर के नेतृत्व वाली समिति।",
                "ar": "لجنة يقودها ناجون لمراجعة الشكاوى.",
            },
        },
    ],
}

SURVIVOR_LEADERS_VIEW = {
    "en": "The job club is a real change; we will ask members in three months whether it led to work.",
    "sw": "Klabu ya kazi ni mabadiliko ya kweli; tutawauliza wanachama baada ya miezi mitatu kama imeleta kazi.",
    "ar": "نادي العمل تغيير حقيقي؛ سنسأل الأعضاء بعد ثلاثة أشهر إن كان قد أدى إلى عمل.",
}
