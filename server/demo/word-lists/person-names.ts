// Given names and family names by origin, and the mix of origins per country, so a Berlin company's
// staff mostly have German names and a Toronto team looks like Toronto. Invented people only: these
// are common names, combined at random.

export type NameOrigin =
  | 'anglo'
  | 'irish'
  | 'hispanic'
  | 'south_asian'
  | 'east_asian'
  | 'african'
  | 'middle_eastern'
  | 'german'
  | 'french'
  | 'dutch'
  | 'nordic'
  | 'finnish'
  | 'eastern_european'
  | 'italian';

const list = (text: string) => text.trim().split(/\s*,\s*/);

export const NAMES: Record<NameOrigin, { first: string[]; last: string[] }> = {
  anglo: {
    first: list(`James, Emma, Oliver, Olivia, William, Ava, Benjamin, Sophia, Lucas, Charlotte, Henry, Amelia, Jack, Harper, Samuel,
      Evelyn, Daniel, Abigail, Matthew, Emily, Ryan, Elizabeth, Nathan, Sarah, Thomas, Grace, Andrew, Chloe, Joshua, Hannah, David,
      Lauren, Michael, Rachel, Christopher, Megan, Jonathan, Jessica, Tyler, Ashley, Kevin, Katie, Brian, Natalie, Scott, Rebecca,
      Adam, Victoria, Eric, Amanda, Mark, Jennifer, Paul, Laura, Steven, Nicole, Patrick, Heather, Justin, Alison, Aaron, Claire,
      George, Lucy, Harry, Sophie, Alexander, Ellie, Charles, Madison, Connor, Zoe, Ethan, Lily, Owen, Molly, Peter, Kate, Simon,
      Julia, Richard, Anna, Luke, Holly, Jordan, Taylor, Morgan, Casey, Robert, Susan, Gregory, Karen, Timothy, Michelle`),
    last: list(`Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, Moore, Martin, Jackson,
      Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen, King, Wright, Scott, Hill, Green, Adams, Baker, Nelson,
      Carter, Mitchell, Roberts, Turner, Phillips, Campbell, Parker, Evans, Edwards, Collins, Stewart, Morris, Rogers, Reed, Cook,
      Morgan, Bell, Cooper, Richardson, Cox, Howard, Ward, Peterson, Gray, Watson, Brooks, Sanders, Price, Bennett, Wood, Barnes,
      Ross, Henderson, Coleman, Jenkins, Perry, Powell, Long, Patterson, Hughes, Foster, Bryant, Russell, Griffin, Hayes, Myers,
      Ford, Graham, Wallace, Hamilton, Wells, Cole, West, Jordan, Reynolds, Fisher, Ellis, Harrison, Gibson, Marshall, Owens,
      Holmes, Palmer, Lawson, Fletcher, Hartley, Whitaker, Chapman, Hudson, Spencer, Porter, Hunt, Knight, Lane, Sutton, Barker`),
  },
  irish: {
    first: list(`Sean, Niamh, Ciaran, Aoife, Conor, Siobhan, Declan, Orla, Eoin, Ciara, Cian, Roisin, Darragh, Saoirse, Padraig,
      Clodagh, Fionn, Maeve, Ronan, Grainne, Aidan, Sinead, Colm, Aisling`),
    last: list(`Murphy, Kelly, O'Sullivan, Walsh, O'Brien, Byrne, Ryan, O'Connor, O'Neill, Doyle, McCarthy, Gallagher, Doherty,
      Kennedy, Lynch, Murray, Quinn, Moore, McLoughlin, Carroll, Connolly, Daly, Dunne, Brennan, Burke, Fitzgerald, Nolan, Keane`),
  },
  hispanic: {
    first: list(`Carlos, Maria, Luis, Ana, Jose, Sofia, Miguel, Lucia, Javier, Camila, Diego, Valentina, Alejandro, Isabel, Pablo,
      Daniela, Andres, Gabriela, Mateo, Elena, Fernando, Paula, Ricardo, Carmen, Sergio, Marta, Raul, Adriana, Hector, Natalia,
      Emilio, Ines, Rafael, Beatriz, Tomas, Julia`),
    last: list(`Garcia, Rodriguez, Martinez, Hernandez, Lopez, Gonzalez, Perez, Sanchez, Ramirez, Torres, Flores, Rivera, Gomez,
      Diaz, Morales, Ortiz, Gutierrez, Ruiz, Alvarez, Castillo, Jimenez, Moreno, Romero, Herrera, Medina, Vargas, Castro, Navarro,
      Delgado, Ramos, Vega, Mendoza, Fernandez, Iglesias, Molina, Serrano`),
  },
  south_asian: {
    first: list(`Priya, Rahul, Ananya, Arjun, Divya, Vikram, Neha, Rohan, Aisha, Sanjay, Kavya, Amit, Pooja, Karan, Shreya, Nikhil,
      Meera, Aditya, Riya, Suresh, Deepa, Rajesh, Anjali, Vivek, Sneha, Imran, Farah, Harpreet, Gurpreet, Ravi, Lakshmi, Tariq`),
    last: list(`Patel, Sharma, Singh, Kumar, Gupta, Shah, Mehta, Reddy, Iyer, Nair, Rao, Desai, Joshi, Kapoor, Malhotra, Chopra,
      Bhatt, Menon, Pillai, Verma, Agarwal, Khan, Chaudhry, Banerjee, Mukherjee, Sethi, Kulkarni, Hussain, Dhillon, Gill`),
  },
  east_asian: {
    first: list(`Wei, Mei, Jun, Lin, Hao, Yan, Jing, Min, Hiroshi, Yuki, Kenji, Aiko, Takeshi, Sakura, Ji-woo, Seo-yeon, Min-jun,
      Hye-jin, Minh, Linh, Thanh, Mai, Kevin, Grace, Jason, Michelle, Eric, Jenny, Vincent, Amy, Daniel, Christine`),
    last: list(`Chen, Wang, Li, Zhang, Liu, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Lin, Ho, Wong, Tanaka, Suzuki, Sato, Watanabe,
      Yamamoto, Nakamura, Kim, Lee, Park, Choi, Jung, Kang, Nguyen, Tran, Pham, Le, Hoang`),
  },
  african: {
    first: list(`Kwame, Ama, Kofi, Abena, Chinedu, Ngozi, Tunde, Folake, Emeka, Adaeze, Oluwaseun, Amara, Yaw, Efua, Jabari, Zuri,
      Tendai, Nia, Sipho, Thandiwe, Malik, Imani, Darnell, Keisha, Andre, Jasmine, Marcus, Aaliyah`),
    last: list(`Okafor, Mensah, Adeyemi, Owusu, Nwosu, Boateng, Okonkwo, Asante, Balogun, Mwangi, Otieno, Kamau, Ndlovu, Dlamini,
      Eze, Osei, Abiodun, Achebe, Kariuki, Banda, Washington, Jefferson, Freeman, Robinson, Brooks, Simmons`),
  },
  middle_eastern: {
    first: list(`Omar, Layla, Ahmed, Yasmin, Karim, Nour, Hassan, Leila, Youssef, Sara, Ali, Mariam, Rami, Dina, Samir, Rana, Emre,
      Elif, Mehmet, Zeynep, Can, Selin, Reza, Shirin`),
    last: list(`Haddad, Khoury, Nasser, Mansour, Saleh, Hamdan, Aziz, Rahman, Farouk, Sabbagh, Yilmaz, Kaya, Demir, Sahin, Celik,
      Ozturk, Aydin, Arslan, Tehrani, Karimi, Hosseini, Abbasi`),
  },
  german: {
    first: list(`Lukas, Anna, Leon, Lea, Felix, Laura, Jonas, Lena, Maximilian, Julia, Paul, Sophie, Tim, Katharina, Jan, Sarah,
      Niklas, Hannah, Tobias, Johanna, Florian, Lisa, Sebastian, Marie, Moritz, Clara, Stefan, Sabine, Andreas, Claudia, Markus,
      Nicole, Thomas, Susanne, Christian, Franziska, Matthias, Miriam, Jürgen, Birgit, Dominik, Annika`),
    last: list(`Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch, Bauer, Richter,
      Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann, Hartmann, Lange, Schmitt, Werner, Schmitz, Krause,
      Meier, Lehmann, Schmid, Schulze, Maier, Köhler, Herrmann, König, Walter, Mayer, Huber, Kaiser, Fuchs, Peters, Lang, Scholz`),
  },
  french: {
    first: list(`Louis, Camille, Hugo, Léa, Jules, Manon, Gabriel, Chloé, Arthur, Inès, Raphaël, Sarah, Thomas, Julie, Nicolas,
      Élise, Antoine, Margaux, Maxime, Pauline, Alexandre, Céline, Julien, Mathilde, Romain, Claire, Guillaume, Aurélie, Pierre,
      Émilie, Baptiste, Charlotte, Quentin, Juliette, Olivier, Sophie, Étienne, Marion, Benoît, Anaïs`),
    last: list(`Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, Lefebvre, Michel,
      Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, Lefèvre, Mercier, Dupont, Lambert, Bonnet, François,
      Martinez, Legrand, Garnier, Faure, Rousseau, Blanc, Guérin, Muller, Henry, Roussel, Nicolas, Perrin, Morin, Mathieu, Clément`),
  },
  dutch: {
    first: list(`Daan, Emma, Sem, Julia, Lars, Sophie, Thijs, Fleur, Bram, Lotte, Ruben, Sanne, Jesse, Anouk, Stijn, Lieke, Niels,
      Eva, Joost, Marloes, Sander, Iris, Wouter, Femke, Bas, Maartje, Pieter, Esther, Koen, Roos`),
    last: list(`de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de Boer, Mulder, de Groot,
      Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, Kok, Jacobs,
      Vermeulen, van den Bosch, Willems`),
  },
  nordic: {
    first: list(`Erik, Anna, Lars, Ingrid, Johan, Maja, Nils, Astrid, Anders, Sofia, Magnus, Elin, Henrik, Sara, Oskar, Freja, Emil,
      Ida, Mikkel, Karin, Jonas, Linnea, Gustav, Hanna, Rasmus, Sigrid, Fredrik, Klara, Axel, Ebba, Mads, Camilla, Kristian, Malin,
      Thomas, Helene, Sindre, Ingeborg`),
    last: list(`Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, Gustafsson, Lindqvist,
      Lindberg, Bergström, Holm, Nielsen, Jensen, Hansen, Pedersen, Andersen, Christensen, Larsen, Sørensen, Rasmussen, Johansen,
      Olsen, Berg, Haugen, Bakke, Dahl, Lund, Strand, Solberg, Nyström, Sandberg, Lindgren, Ekström`),
  },
  finnish: {
    first: list(`Mikko, Aino, Juha, Emilia, Antti, Helmi, Ville, Sanna, Janne, Laura, Timo, Katja, Matti, Elina, Jussi, Noora, Tuomas,
      Heidi, Aleksi, Veera`),
    last: list(`Korhonen, Virtanen, Mäkinen, Nieminen, Mäkelä, Hämäläinen, Laine, Heikkinen, Koskinen, Järvinen, Lehtonen, Lehtinen,
      Saarinen, Salminen, Heinonen, Niemi, Heikkilä, Kinnunen, Salonen, Turunen`),
  },
  eastern_european: {
    first: list(`Piotr, Katarzyna, Tomasz, Agnieszka, Marek, Magdalena, Jakub, Zuzana, Petr, Tereza, Andrei, Ioana, Dmitri, Olena,
      Pavel, Marta, Lukasz, Natalia, Ivan, Milena`),
    last: list(`Kowalski, Nowak, Wiśniewski, Wójcik, Kamiński, Lewandowski, Zieliński, Novák, Dvořák, Svoboda, Horváth, Popescu,
      Ionescu, Shevchenko, Kovalenko, Petrov, Ivanova, Marković, Jovanović, Kovač`),
  },
  italian: {
    first: list(`Marco, Giulia, Luca, Francesca, Matteo, Chiara, Alessandro, Sara, Andrea, Martina, Giovanni, Elena, Davide, Valentina,
      Stefano, Federica, Simone, Alessia, Riccardo, Silvia`),
    last: list(`Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca,
      Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti`),
  },
};

/** Who works at a company in each country: the weights of name origins. */
export const ORIGIN_MIX: Record<string, ReadonlyArray<readonly [NameOrigin, number]>> = {
  US: [
    ['anglo', 52],
    ['irish', 4],
    ['hispanic', 14],
    ['south_asian', 10],
    ['east_asian', 10],
    ['african', 6],
    ['middle_eastern', 2],
    ['italian', 2],
  ],
  GB: [
    ['anglo', 60],
    ['irish', 6],
    ['south_asian', 12],
    ['african', 6],
    ['east_asian', 5],
    ['eastern_european', 5],
    ['french', 2],
    ['italian', 2],
    ['middle_eastern', 2],
  ],
  IE: [
    ['irish', 62],
    ['anglo', 20],
    ['eastern_european', 8],
    ['south_asian', 5],
    ['french', 3],
    ['hispanic', 2],
  ],
  CA: [
    ['anglo', 48],
    ['french', 18],
    ['east_asian', 12],
    ['south_asian', 12],
    ['irish', 3],
    ['african', 4],
    ['middle_eastern', 3],
  ],
  AU: [
    ['anglo', 62],
    ['irish', 5],
    ['east_asian', 14],
    ['south_asian', 10],
    ['italian', 5],
    ['middle_eastern', 4],
  ],
  DE: [
    ['german', 74],
    ['middle_eastern', 8],
    ['eastern_european', 8],
    ['italian', 3],
    ['anglo', 3],
    ['french', 2],
    ['dutch', 2],
  ],
  CH: [
    ['german', 52],
    ['french', 26],
    ['italian', 12],
    ['anglo', 4],
    ['eastern_european', 3],
    ['middle_eastern', 3],
  ],
  FR: [
    ['french', 80],
    ['middle_eastern', 7],
    ['african', 5],
    ['italian', 3],
    ['hispanic', 3],
    ['anglo', 2],
  ],
  NL: [
    ['dutch', 76],
    ['middle_eastern', 7],
    ['german', 4],
    ['anglo', 4],
    ['south_asian', 3],
    ['eastern_european', 3],
    ['east_asian', 3],
  ],
  SE: [
    ['nordic', 80],
    ['finnish', 4],
    ['middle_eastern', 8],
    ['eastern_european', 4],
    ['anglo', 4],
  ],
  DK: [
    ['nordic', 84],
    ['german', 4],
    ['middle_eastern', 6],
    ['eastern_european', 3],
    ['anglo', 3],
  ],
  NO: [
    ['nordic', 84],
    ['eastern_european', 6],
    ['middle_eastern', 5],
    ['anglo', 5],
  ],
  FI: [
    ['finnish', 82],
    ['nordic', 10],
    ['eastern_european', 4],
    ['anglo', 4],
  ],
  ES: [
    ['hispanic', 86],
    ['french', 3],
    ['italian', 3],
    ['anglo', 3],
    ['middle_eastern', 5],
  ],
};
