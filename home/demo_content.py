"""Fictional sample content for the demo site, in every configured language.

Each text is a dict of language code to text. Nothing here describes a real person or chapter.
"""

SAMPLE_NOTE = {
    "en": "Sample content: this site is a demonstration and every chapter on it is fictional.",
    "es": "Contenido de muestra: este sitio es una demostración y todos sus capítulos son ficticios.",
    "fr": "Contenu d’exemple : ce site est une démonstration et toutes ses antennes sont fictives.",
    "pt": "Conteúdo de exemplo: este site é uma demonstração e todos os seus capítulos são fictícios.",
    "hi": "नमूना सामग्री: यह साइट एक प्रदर्शन है और इसके सभी अध्याय काल्पनिक हैं।",
    "sw": "Maudhui ya mfano: tovuti hii ni ya maonyesho na matawi yote yaliyomo ni ya kubuni.",
    "km": "មាតិកាគំរូ៖ គេហទំព័រនេះគឺជាការបង្ហាញសាកល្បង ហើយសាខាទាំងអស់នៅលើវាគឺប្រឌិត។",
    "ar": "محتوى تجريبي: هذا الموقع للعرض فقط وجميع الفروع المذكورة فيه خيالية.",
}

FOOTER = {
    "en": "Global Survivor Network. Survivors leading the fight against violence.",
    "es": "Red Global de Sobrevivientes. Sobrevivientes al frente de la lucha contra la violencia.",
    "fr": "Réseau mondial des survivants. Des survivants en première ligne contre la violence.",
    "pt": "Rede Global de Sobreviventes. Sobreviventes à frente da luta contra a violência.",
    "hi": "ग्लोबल सर्वाइवर नेटवर्क। हिंसा के खिलाफ़ लड़ाई का नेतृत्व करते सर्वाइवर।",
    "sw": "Mtandao wa Kimataifa wa Manusura. Manusura wakiongoza mapambano dhidi ya ukatili.",
    "km": "បណ្ដាញអ្នករួចរស់ជីវិតសកល។ អ្នករួចរស់ជីវិតដឹកនាំការតស៊ូប្រឆាំងនឹងអំពើហិង្សា។",
    "ar": "الشبكة العالمية للناجين. ناجون يقودون النضال ضد العنف.",
}

HOME = {
    "title": {
        "en": "Global Survivor Network",
        "es": "Red Global de Sobrevivientes",
        "fr": "Réseau mondial des survivants",
        "pt": "Rede Global de Sobreviventes",
        "hi": "ग्लोबल सर्वाइवर नेटवर्क",
        "sw": "Mtandao wa Kimataifa wa Manusura",
        "km": "បណ្ដាញអ្នករួចរស់ជីវិតសកល",
        "ar": "الشبكة العالمية للناجين",
    },
    "intro": {
        "en": "<p>We are survivors of trafficking, slavery and violence. Here we tell our own stories, in our own words and languages, and we tell aftercare programs what helps.</p>",
        "es": "<p>Somos sobrevivientes de la trata, la esclavitud y la violencia. Aquí contamos nuestras propias historias, con nuestras palabras y en nuestros idiomas, y decimos a los programas de acompañamiento qué nos ayuda.</p>",
        "fr": "<p>Nous sommes des survivantes et des survivants de la traite, de l’esclavage et de la violence. Ici, nous racontons nos histoires, avec nos mots et dans nos langues, et nous disons aux programmes d’accompagnement ce qui nous aide.</p>",
        "pt": "<p>Somos sobreviventes do tráfico de pessoas, da escravidão e da violência. Aqui contamos as nossas histórias, com as nossas palavras e nas nossas línguas, e dizemos aos programas de acompanhamento o que nos ajuda.</p>",
        "hi": "<p>हम मानव तस्करी, गुलामी और हिंसा से बचे लोग हैं। यहाँ हम अपनी कहानियाँ अपने शब्दों और अपनी भाषाओं में सुनाते हैं, और देखभाल कार्यक्रमों को बताते हैं कि हमारी मदद किस चीज़ से होती है।</p>",
        "sw": "<p>Sisi ni manusura wa biashara haramu ya binadamu, utumwa na ukatili. Hapa tunasimulia hadithi zetu wenyewe, kwa maneno yetu na kwa lugha zetu, na tunayaambia mashirika ya huduma ni nini kinachotusaidia.</p>",
        "km": "<p>យើងជាអ្នករួចរស់ជីវិតពីការជួញដូរមនុស្ស ទាសភាព និងអំពើហិង្សា។ នៅទីនេះ យើងរៀបរាប់រឿងរ៉ាវរបស់យើងផ្ទាល់ ដោយពាក្យសម្ដី និងភាសារបស់យើង ហើយប្រាប់កម្មវិធីថែទាំថាអ្វីខ្លះដែលជួយយើង។</p>",
        "ar": "<p>نحن ناجون من الاتجار بالبشر والعبودية والعنف. هنا نروي قصصنا بأنفسنا، بكلماتنا ولغاتنا، ونخبر برامج الرعاية بما يساعدنا حقًا.</p>",
    },
    "feedback_heading": {
        "en": "Tell a program what helped",
        "es": "Cuéntale a un programa qué te ayudó",
        "fr": "Dites à un programme ce qui vous a aidé",
        "pt": "Diga a um programa o que ajudou",
        "hi": "किसी कार्यक्रम को बताइए कि किस चीज़ से मदद मिली",
        "sw": "Liambie shirika ni nini kilichokusaidia",
        "km": "ប្រាប់កម្មវិធីមួយថាអ្វីដែលបានជួយអ្នក",
        "ar": "أخبر البرنامج بما ساعدك",
    },
    "feedback_text": {
        "en": "Your answers are anonymous, every question can be skipped, and the help you receive never depends on them.",
        "es": "Tus respuestas son anónimas, puedes saltarte cualquier pregunta y la ayuda que recibes nunca depende de ellas.",
        "fr": "Vos réponses sont anonymes, vous pouvez passer n’importe quelle question et l’aide que vous recevez n’en dépend jamais.",
        "pt": "As suas respostas são anónimas, pode saltar qualquer pergunta e a ajuda que recebe nunca depende delas.",
        "hi": "आपके जवाब गुमनाम रहते हैं, आप कोई भी सवाल छोड़ सकते हैं, और आपको मिलने वाली मदद कभी इन पर निर्भर नहीं करती।",
        "sw": "Majibu yako hayaonyeshi wewe ni nani, unaweza kuruka swali lolote, na msaada unaopata hautegemei majibu hayo kamwe.",
        "km": "ចម្លើយរបស់អ្នកគឺអនាមិក អ្នកអាចរំលងសំណួរណាមួយក៏បាន ហើយជំនួយដែលអ្នកទទួលបានមិនដែលពឹងផ្អែកលើចម្លើយទាំងនោះទេ។",
        "ar": "إجاباتك مجهولة الهوية، ويمكنك تخطي أي سؤال، ولا تتوقف المساعدة التي تتلقاها عليها أبدًا.",
    },
}

ABOUT = {
    "slug": "about",
    "title": {
        "en": "About the network",
        "es": "Sobre la red",
        "fr": "À propos du réseau",
        "pt": "Sobre a rede",
        "hi": "नेटवर्क के बारे में",
        "sw": "Kuhusu mtandao",
        "km": "អំពីបណ្ដាញ",
        "ar": "عن الشبكة",
    },
    "intro": {
        "en": "The Global Survivor Network brings together survivor leaders organised in local chapters.",
        "es": "La Red Global de Sobrevivientes reúne a líderes sobrevivientes organizados en capítulos locales.",
        "fr": "Le Réseau mondial des survivants rassemble des leaders survivants organisés en antennes locales.",
        "pt": "A Rede Global de Sobreviventes reúne líderes sobreviventes organizados em capítulos locais.",
        "hi": "ग्लोबल सर्वाइवर नेटवर्क स्थानीय अध्यायों में संगठित सर्वाइवर नेताओं को एक साथ लाता है।",
        "sw": "Mtandao wa Kimataifa wa Manusura unawaleta pamoja viongozi manusura waliojipanga katika matawi ya ndani.",
        "km": "បណ្ដាញអ្នករួចរស់ជីវិតសកលប្រមូលផ្ដុំអ្នកដឹកនាំដែលជាអ្នករួចរស់ជីវិត ដែលរៀបចំជាសាខាក្នុងតំបន់។",
        "ar": "تجمع الشبكة العالمية للناجين قادة من الناجين منظمين في فروع محلية.",
    },
    "body": {
        "en": "<p>Members decide what they share and how. Nothing is published without their consent, and they can withdraw it at any time.</p>",
        "es": "<p>Las personas miembros deciden qué comparten y cómo. Nada se publica sin su consentimiento y pueden retirarlo en cualquier momento.</p>",
        "fr": "<p>Les membres décident de ce qu’ils partagent et de quelle manière. Rien n’est publié sans leur consentement, qu’ils peuvent retirer à tout moment.</p>",
        "pt": "<p>Os membros decidem o que partilham e como. Nada é publicado sem o seu consentimento, que podem retirar a qualquer momento.</p>",
        "hi": "<p>सदस्य तय करते हैं कि वे क्या और कैसे साझा करेंगे। उनकी सहमति के बिना कुछ भी प्रकाशित नहीं होता, और वे किसी भी समय अपनी सहमति वापस ले सकते हैं।</p>",
        "sw": "<p>Wanachama huamua wanashiriki nini na kwa namna gani. Hakuna kinachochapishwa bila ridhaa yao, na wanaweza kuiondoa wakati wowote.</p>",
        "km": "<p>សមាជិកសម្រេចចិត្តថាពួកគេចែករំលែកអ្វី និងរបៀបណា។ គ្មានអ្វីត្រូវបានផ្សព្វផ្សាយដោយគ្មានការយល់ព្រមរបស់ពួកគេទេ ហើយពួកគេអាចដកការយល់ព្រមនោះវិញនៅពេលណាក៏បាន។</p>",
        "ar": "<p>يقرر الأعضاء ما يشاركونه وكيف يشاركونه. لا يُنشر أي شيء دون موافقتهم، ويمكنهم سحبها في أي وقت.</p>",
    },
}

SAFETY = {
    "slug": "safety",
    "title": {
        "en": "Staying safe on this site",
        "es": "Cómo mantenerte segura o seguro en este sitio",
        "fr": "Rester en sécurité sur ce site",
        "pt": "Manter-se em segurança neste site",
        "hi": "इस साइट पर सुरक्षित कैसे रहें",
        "sw": "Kuwa salama kwenye tovuti hii",
        "km": "ការរក្សាសុវត្ថិភាពនៅលើគេហទំព័រនេះ",
        "ar": "كيف تبقى آمنًا على هذا الموقع",
    },
    "intro": {
        "en": "If someone might be watching your screen, press the Quick exit button or press Shift three times.",
        "es": "Si alguien podría estar mirando tu pantalla, pulsa el botón «Salida rápida» o pulsa tres veces la tecla Mayús.",
        "fr": "Si quelqu’un risque de voir votre écran, appuyez sur le bouton « Sortie rapide » ou appuyez trois fois sur la touche Maj.",
        "pt": "Se alguém puder estar a ver o seu ecrã, carregue no botão «Saída rápida» ou carregue três vezes na tecla Shift.",
        "hi": "अगर कोई आपकी स्क्रीन देख रहा हो सकता है, तो «तुरंत बाहर निकलें» बटन दबाइए या Shift कुंजी तीन बार दबाइए।",
        "sw": "Ikiwa kuna mtu anayeweza kuwa anaangalia skrini yako, bonyeza kitufe cha «Toka haraka» au bonyeza Shift mara tatu.",
        "km": "ប្រសិនបើមាននរណាម្នាក់អាចកំពុងមើលអេក្រង់របស់អ្នក សូមចុចប៊ូតុង «ចាកចេញភ្លាមៗ» ឬចុចគ្រាប់ចុច Shift បីដង។",
        "ar": "إذا كان هناك من قد يراقب شاشتك، فاضغط على زر «خروج سريع» أو اضغط على مفتاح Shift ثلاث مرات.",
    },
    "body": {
        "en": "<p>Quick exit signs you out and opens a neutral website in this tab. It cannot erase your history: the pages of this site that you opened before stay in your browser’s Back history. To leave no history, use a private window (in the browser menu: “New private window” or “New incognito tab”) and close it when you finish, or delete your browsing history afterwards.</p><p>This site keeps no record of your visit: no trackers, no analytics, nothing loaded from other websites.</p>",
        "es": "<p>La salida rápida cierra tu sesión y abre un sitio web neutro en esta pestaña. No puede borrar tu historial: las páginas de este sitio que abriste antes siguen en el historial del botón Atrás de tu navegador. Para no dejar historial, usa una ventana privada (en el menú del navegador: «Nueva ventana privada» o «Nueva pestaña de incógnito») y ciérrala al terminar, o borra después tu historial de navegación.</p><p>Este sitio no guarda ningún registro de tu visita: ni rastreadores, ni analíticas, ni nada cargado desde otros sitios.</p>",
        "fr": "<p>La sortie rapide vous déconnecte et ouvre un site neutre dans cet onglet. Elle ne peut pas effacer votre historique : les pages de ce site ouvertes avant restent dans l’historique du bouton Retour de votre navigateur. Pour ne laisser aucun historique, utilisez une fenêtre de navigation privée (dans le menu du navigateur : « Nouvelle fenêtre privée » ou « Nouvel onglet de navigation privée ») et fermez-la quand vous avez terminé, ou effacez ensuite votre historique de navigation.</p><p>Ce site ne garde aucune trace de votre visite : ni traceurs, ni mesure d’audience, rien qui vienne d’autres sites.</p>",
        "pt": "<p>A saída rápida termina a sua sessão e abre um site neutro neste separador. Não consegue apagar o seu histórico: as páginas deste site que abriu antes ficam no histórico do botão Voltar do navegador. Para não deixar histórico, use uma janela privada (no menu do navegador: «Nova janela privada» ou «Novo separador anónimo») e feche-a quando terminar, ou apague depois o histórico de navegação.</p><p>Este site não guarda qualquer registo da sua visita: sem rastreadores, sem estatísticas, nada carregado de outros sites.</p>",
        "hi": "<p>«तुरंत बाहर निकलें» आपको साइन आउट करता है और इसी टैब में एक सामान्य वेबसाइट खोलता है। यह आपकी हिस्ट्री नहीं मिटा सकता: इस साइट के जो पेज आपने पहले खोले थे, वे आपके ब्राउज़र की «पीछे» (Back) हिस्ट्री में रहते हैं। कोई हिस्ट्री न छोड़ने के लिए प्राइवेट विंडो का इस्तेमाल करें (ब्राउज़र मेन्यू में: «नई प्राइवेट विंडो» या «नया इनकॉग्निटो टैब») और काम पूरा होने पर उसे बंद कर दें, या बाद में अपनी ब्राउज़िंग हिस्ट्री मिटा दें।</p><p>यह साइट आपकी यात्रा का कोई रिकॉर्ड नहीं रखती: न ट्रैकर, न एनालिटिक्स, न दूसरी वेबसाइटों से लोड की गई कोई चीज़।</p>",
        "sw": "<p>«Toka haraka» inakutoa kwenye akaunti yako na kufungua tovuti ya kawaida kwenye kichupo hiki. Haiwezi kufuta historia yako: kurasa za tovuti hii ulizofungua awali zinabaki kwenye historia ya kitufe cha Rudi nyuma cha kivinjari chako. Ili usiache historia, tumia dirisha la faragha (kwenye menyu ya kivinjari: «Dirisha jipya la faragha» au «Kichupo kipya fiche») na ulifunge ukimaliza, au futa historia ya kuvinjari baadaye.</p><p>Tovuti hii haihifadhi kumbukumbu yoyote ya ziara yako: hakuna vifuatiliaji, hakuna takwimu, hakuna kitu kinachopakiwa kutoka tovuti nyingine.</p>",
        "km": "<p>«ចាកចេញភ្លាមៗ» នឹងចាកចេញពីគណនីរបស់អ្នក ហើយបើកគេហទំព័រធម្មតាមួយនៅក្នុងផ្ទាំងនេះ។ វាមិនអាចលុបប្រវត្តិរបស់អ្នកបានទេ៖ ទំព័រនៃគេហទំព័រនេះដែលអ្នកបានបើកពីមុន នៅតែមាននៅក្នុងប្រវត្តិ «ថយក្រោយ» នៃកម្មវិធីរុករករបស់អ្នក។ ដើម្បីកុំឱ្យសល់ប្រវត្តិ សូមប្រើផ្ទាំងឯកជន (នៅក្នុងម៉ឺនុយកម្មវិធីរុករក៖ «ផ្ទាំងឯកជនថ្មី» ឬ «ផ្ទាំងអនាមិកថ្មី») ហើយបិទវានៅពេលអ្នកប្រើរួច ឬលុបប្រវត្តិរុករករបស់អ្នកនៅពេលក្រោយ។</p><p>គេហទំព័រនេះមិនរក្សាទុកកំណត់ត្រាណាមួយអំពីការចូលមើលរបស់អ្នកទេ៖ គ្មានកម្មវិធីតាមដាន គ្មានការវិភាគ គ្មានអ្វីដែលផ្ទុកពីគេហទំព័រផ្សេងទៀតឡើយ។</p>",
        "ar": "<p>زر «خروج سريع» يسجّل خروجك من حسابك ويفتح موقعًا محايدًا في هذه النافذة. لكنه لا يستطيع مسح سجلّ التصفح: الصفحات التي فتحتها من هذا الموقع من قبل تبقى في سجلّ زر «رجوع» في متصفحك. حتى لا يبقى أي سجلّ، استخدم نافذة تصفح خاصة (من قائمة المتصفح: «نافذة خاصة جديدة» أو «علامة تبويب جديدة للتصفح المتخفي») وأغلقها عند الانتهاء، أو احذف سجلّ التصفح بعد ذلك.</p><p>لا يحتفظ هذا الموقع بأي سجل لزيارتك: لا أدوات تتبع، ولا تحليلات، ولا شيء يُحمَّل من مواقع أخرى.</p>",
    },
}

NETWORK = {
    "slug": "network",
    "title": {
        "en": "Our chapters",
        "es": "Nuestros capítulos",
        "fr": "Nos antennes",
        "pt": "Os nossos capítulos",
        "hi": "हमारे अध्याय",
        "sw": "Matawi yetu",
        "km": "សាខារបស់យើង",
        "ar": "فروعنا",
    },
    "intro": {
        "en": "<p>Each chapter is led by survivors in its own country.</p>",
        "es": "<p>Cada capítulo está dirigido por sobrevivientes en su propio país.</p>",
        "fr": "<p>Chaque antenne est dirigée par des survivants dans son propre pays.</p>",
        "pt": "<p>Cada capítulo é liderado por sobreviventes no seu próprio país.</p>",
        "hi": "<p>हर अध्याय का नेतृत्व उसी देश के सर्वाइवर करते हैं।</p>",
        "sw": "<p>Kila tawi linaongozwa na manusura katika nchi yake.</p>",
        "km": "<p>សាខានីមួយៗត្រូវបានដឹកនាំដោយអ្នករួចរស់ជីវិតនៅក្នុងប្រទេសរបស់ខ្លួន។</p>",
        "ar": "<p>يقود كل فرع ناجون في بلده.</p>",
    },
}

# Four fictional chapters. Names are invented; "Sample" is part of every title.
CHAPTERS = [
    {
        "slug": "sample-chapter-kenya",
        "founded": 2019,
        "title": {
            "en": "Sample chapter: Kenya", "es": "Capítulo de muestra: Kenia", "fr": "Antenne d’exemple : Kenya",
            "pt": "Capítulo de exemplo: Quénia", "hi": "नमूना अध्याय: केन्या", "sw": "Tawi la mfano: Kenya",
            "km": "សាខាគំរូ៖ កេនយ៉ា", "ar": "فرع تجريبي: كينيا",
        },
        "country": {"en": "Kenya", "es": "Kenia", "fr": "Kenya", "pt": "Quénia", "hi": "केन्या", "sw": "Kenya", "km": "កេនយ៉ា", "ar": "كينيا"},
        "region": {"en": "East Africa", "es": "África Oriental", "fr": "Afrique de l’Est", "pt": "África Oriental", "hi": "पूर्वी अफ़्रीका", "sw": "Afrika Mashariki", "km": "អាហ្វ្រិកខាងកើត", "ar": "شرق أفريقيا"},
        "languages": {"en": "Swahili, English", "es": "suajili, inglés", "fr": "swahili, anglais", "pt": "suaíli, inglês", "hi": "स्वाहिली, अंग्रेज़ी", "sw": "Kiswahili, Kiingereza", "km": "ស្វាហ៊ីលី អង់គ្លេស", "ar": "السواحيلية، الإنجليزية"},
        "focus_areas": {"en": "Police abuse of power, property grabbing", "es": "Abuso de poder policial, despojo de tierras", "fr": "Abus de pouvoir de la police, spoliation foncière", "pt": "Abuso de poder policial, usurpação de terras", "hi": "पुलिस द्वारा सत्ता का दुरुपयोग, संपत्ति हड़पना", "sw": "Matumizi mabaya ya mamlaka ya polisi, unyakuzi wa mali", "km": "ការរំលោភអំណាចរបស់ប៉ូលីស ការរឹបអូសទ្រព្យសម្បត្តិ", "ar": "إساءة استخدام الشرطة للسلطة، الاستيلاء على الممتلكات"},
    },
    {
        "slug": "sample-chapter-india",
        "founded": 2017,
        "title": {
            "en": "Sample chapter: India", "es": "Capítulo de muestra: India", "fr": "Antenne d’exemple : Inde",
            "pt": "Capítulo de exemplo: Índia", "hi": "नमूना अध्याय: भारत", "sw": "Tawi la mfano: India",
            "km": "សាខាគំរូ៖ ឥណ្ឌា", "ar": "فرع تجريبي: الهند",
        },
        "country": {"en": "India", "es": "India", "fr": "Inde", "pt": "Índia", "hi": "भारत", "sw": "India", "km": "ឥណ្ឌា", "ar": "الهند"},
        "region": {"en": "South Asia", "es": "Asia del Sur", "fr": "Asie du Sud", "pt": "Ásia do Sul", "hi": "दक्षिण एशिया", "sw": "Asia Kusini", "km": "អាស៊ីខាងត្បូង", "ar": "جنوب آسيا"},
        "languages": {"en": "Hindi, Tamil, English", "es": "hindi, tamil, inglés", "fr": "hindi, tamoul, anglais", "pt": "hindi, tâmil, inglês", "hi": "हिंदी, तमिल, अंग्रेज़ी", "sw": "Kihindi, Kitamili, Kiingereza", "km": "ហិណ្ឌី តាមីល អង់គ្លេស", "ar": "الهندية، التاميلية، الإنجليزية"},
        "focus_areas": {"en": "Bonded labour, forced labour", "es": "Servidumbre por deudas, trabajo forzoso", "fr": "Servitude pour dettes, travail forcé", "pt": "Servidão por dívidas, trabalho forçado", "hi": "बंधुआ मज़दूरी, जबरन मज़दूरी", "sw": "Kazi ya utumwa wa madeni, kazi ya kulazimishwa", "km": "ពលកម្មជំពាក់បំណុល ពលកម្មដោយបង្ខំ", "ar": "العمل الاستعبادي لسداد الديون، العمل القسري"},
    },
    {
        "slug": "sample-chapter-cambodia",
        "founded": 2020,
        "title": {
            "en": "Sample chapter: Cambodia", "es": "Capítulo de muestra: Camboya", "fr": "Antenne d’exemple : Cambodge",
            "pt": "Capítulo de exemplo: Camboja", "hi": "नमूना अध्याय: कंबोडिया", "sw": "Tawi la mfano: Kambodia",
            "km": "សាខាគំរូ៖ កម្ពុជា", "ar": "فرع تجريبي: كمبوديا",
        },
        "country": {"en": "Cambodia", "es": "Camboya", "fr": "Cambodge", "pt": "Camboja", "hi": "कंबोडिया", "sw": "Kambodia", "km": "កម្ពុជា", "ar": "كمبوديا"},
        "region": {"en": "Southeast Asia", "es": "Sudeste Asiático", "fr": "Asie du Sud-Est", "pt": "Sudeste Asiático", "hi": "दक्षिण-पूर्व एशिया", "sw": "Kusini-Mashariki mwa Asia", "km": "អាស៊ីអាគ្នេយ៍", "ar": "جنوب شرق آسيا"},
        "languages": {"en": "Khmer, English", "es": "jemer, inglés", "fr": "khmer, anglais", "pt": "khmer, inglês", "hi": "ख़्मेर, अंग्रेज़ी", "sw": "Kikhmer, Kiingereza", "km": "ខ្មែរ អង់គ្លេស", "ar": "الخميرية، الإنجليزية"},
        "focus_areas": {"en": "Online sexual exploitation of children, forced labour", "es": "Explotación sexual infantil en línea, trabajo forzoso", "fr": "Exploitation sexuelle des enfants en ligne, travail forcé", "pt": "Exploração sexual infantil online, trabalho forçado", "hi": "बच्चों का ऑनलाइन यौन शोषण, जबरन मज़दूरी", "sw": "Unyonyaji wa kingono wa watoto mtandaoni, kazi ya kulazimishwa", "km": "ការកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារតាមអនឡាញ ពលកម្មដោយបង្ខំ", "ar": "الاستغلال الجنسي للأطفال عبر الإنترنت، العمل القسري"},
    },
    {
        "slug": "sample-chapter-brazil",
        "founded": 2021,
        "title": {
            "en": "Sample chapter: Brazil", "es": "Capítulo de muestra: Brasil", "fr": "Antenne d’exemple : Brésil",
            "pt": "Capítulo de exemplo: Brasil", "hi": "नमूना अध्याय: ब्राज़ील", "sw": "Tawi la mfano: Brazili",
            "km": "សាខាគំរូ៖ ប្រេស៊ីល", "ar": "فرع تجريبي: البرازيل",
        },
        "country": {"en": "Brazil", "es": "Brasil", "fr": "Brésil", "pt": "Brasil", "hi": "ब्राज़ील", "sw": "Brazili", "km": "ប្រេស៊ីល", "ar": "البرازيل"},
        "region": {"en": "South America", "es": "América del Sur", "fr": "Amérique du Sud", "pt": "América do Sul", "hi": "दक्षिण अमेरिका", "sw": "Amerika Kusini", "km": "អាមេរិកខាងត្បូង", "ar": "أمريكا الجنوبية"},
        "languages": {"en": "Portuguese, Spanish", "es": "portugués, español", "fr": "portugais, espagnol", "pt": "português, espanhol", "hi": "पुर्तगाली, स्पेनिश", "sw": "Kireno, Kihispania", "km": "ព័រទុយហ្គាល់ អេស្ប៉ាញ", "ar": "البرتغالية، الإسبانية"},
        "focus_areas": {"en": "Violence against women and children, sex trafficking", "es": "Violencia contra mujeres, niñas y niños; trata con fines de explotación sexual", "fr": "Violences faites aux femmes et aux enfants, traite à des fins d’exploitation sexuelle", "pt": "Violência contra mulheres e crianças, tráfico para exploração sexual", "hi": "महिलाओं और बच्चों के खिलाफ़ हिंसा, यौन तस्करी", "sw": "Ukatili dhidi ya wanawake na watoto, biashara haramu ya ngono", "km": "អំពើហិង្សាលើស្ត្រី និងកុមារ ការជួញដូរផ្លូវភេទ", "ar": "العنف ضد النساء والأطفال، الاتجار بالجنس"},
    },
]

SAFETY_NOTICE = {
    "en": "If you are in danger now, contact local emergency services. This site cannot respond to emergencies.",
    "es": "Si estás en peligro ahora, contacta con los servicios de emergencia locales. Este sitio no puede atender emergencias.",
    "fr": "Si vous êtes en danger maintenant, contactez les services d’urgence locaux. Ce site ne peut pas répondre aux urgences.",
    "pt": "Se está em perigo agora, contacte os serviços de emergência locais. Este site não pode responder a emergências.",
    "hi": "अगर आप अभी खतरे में हैं, तो स्थानीय आपातकालीन सेवाओं से संपर्क करें। यह साइट आपात स्थितियों में जवाब नहीं दे सकती।",
    "sw": "Ikiwa uko hatarini sasa hivi, wasiliana na huduma za dharura za eneo lako. Tovuti hii haiwezi kushughulikia dharura.",
    "km": "ប្រសិនបើអ្នកកំពុងប្រឈមនឹងគ្រោះថ្នាក់ឥឡូវនេះ សូមទាក់ទងសេវាសង្គ្រោះបន្ទាន់ក្នុងតំបន់។ គេហទំព័រនេះមិនអាចឆ្លើយតបនឹងករណីបន្ទាន់បានទេ។",
    "ar": "إذا كنت في خطر الآن، فاتصل بخدمات الطوارئ المحلية. لا يستطيع هذا الموقع الاستجابة لحالات الطوارئ.",
}
