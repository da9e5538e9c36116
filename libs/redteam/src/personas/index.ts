export {
  PERSONA_ID,
  SUCCESS_KINDS,
  personaSchema,
  personaSetsSchema,
  type PersonaDocument,
} from './persona-schema';
export {
  loadPersonas,
  PersonaCatalog,
  PERSONA_SETS_FILE,
  SHIPPED_PERSONAS_DIR,
  type LoadPersonasOptions,
  type PersonaSet,
} from './persona-loader';
